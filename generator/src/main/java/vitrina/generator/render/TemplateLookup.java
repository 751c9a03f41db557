package vitrina.generator.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the template for a kind of page, Hugo-style. A kind is {@code <type>/<layout>} ({@code stand/section},
 * {@code catalog/list}, {@code region/term}) or a bare name ({@code home}, {@code search}, {@code 404}).
 * {@link #candidates(String)} lists template names from most to least specific; {@link #resolve(String)} tries each
 * name in every theme folder in order (a site override folder first, then the theme) and returns the first hit.
 *
 * <p>Layout fallbacks: {@code section → single} and {@code term → list}; the last layout of the chain is then
 * tried under {@code _default/}. A bare name falls back to {@code _default/single.peb}.
 */
public final class TemplateLookup {
    private final List<Path> themeDirs;

    /** @param themeDirs theme folders, most specific first; templates live in their {@code templates/} folders */
    public TemplateLookup(List<Path> themeDirs) {
        this.themeDirs = List.copyOf(Objects.requireNonNull(themeDirs, "themeDirs"));
    }

    /**
     * Template names to try, most specific first: {@code stand/section} gives {@code stand/section.peb},
     * {@code stand/single.peb}, {@code _default/single.peb}.
     */
    public List<String> candidates(String kind) {
        Objects.requireNonNull(kind, "kind");
        int slash = kind.indexOf('/');
        if (slash < 0) {
            return List.of(kind + ".peb", "_default/single.peb");
        }
        String type = kind.substring(0, slash);
        List<String> layouts = layoutChain(kind.substring(slash + 1));
        List<String> names = new ArrayList<>();
        for (String layout : layouts) {
            names.add(type + "/" + layout + ".peb");
        }
        names.add("_default/" + layouts.get(layouts.size() - 1) + ".peb");
        return List.copyOf(names);
    }

    /** Every file tried, in order: each candidate name in each theme folder. For {@code --verbose} output. */
    public List<Path> searchPath(String kind) {
        List<Path> paths = new ArrayList<>();
        for (String name : candidates(kind)) {
            for (Path dir : themeDirs) {
                paths.add(dir.resolve("templates").resolve(name));
            }
        }
        return paths;
    }

    /** The first candidate name found in any theme folder. */
    public Optional<String> find(String kind) {
        for (String name : candidates(kind)) {
            if (locate(name).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but throws when no theme has a template for the kind (a broken theme). */
    public String resolve(String kind) {
        return find(kind).orElseThrow(() -> new IllegalStateException(
                "no template for '" + kind + "'; tried " + searchPath(kind)));
    }

    /** The file for one template name: the first theme folder that has it. */
    public Optional<Path> locate(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            return Optional.empty();
        }
        for (Path dir : themeDirs) {
            Path file = dir.resolve("templates").resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static List<String> layoutChain(String layout) {
        return switch (layout) {
            case "section" -> List.of("section", "single");
            case "term" -> List.of("term", "list");
            default -> List.of(layout);
        };
    }
}
