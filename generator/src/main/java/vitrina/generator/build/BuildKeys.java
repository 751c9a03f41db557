package vitrina.generator.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import vitrina.generator.model.StaticPage;

/**
 * Cache keys of a build: what the generator is (its code), and what every stand page shares (site.yaml, the pages
 * menu, the theme files). A key is a SHA-256 over everything that can change the output; when in doubt it changes.
 */
final class BuildKeys {
    /** Bump when a cache entry's layout or meaning changes. */
    private static final String FORMAT = "vitrina-build-cache/v2";

    private BuildKeys() {
    }

    /** The generator's code: the jar's size and modification time, or the newest class file in development. */
    static String generator() {
        try {
            Path code = Path.of(Build.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return FORMAT + ";jar:" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
            }
            try (Stream<Path> files = Files.walk(code)) {
                long[] acc = new long[2];
                files.filter(Files::isRegularFile).forEach(f -> {
                    acc[0]++;
                    acc[1] = Math.max(acc[1], f.toFile().lastModified());
                });
                return FORMAT + ";classes:" + acc[0] + ":" + acc[1];
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return FORMAT + ";unknown:" + System.nanoTime(); // never reuse what we cannot vouch for
        }
    }

    /** What every stand page depends on besides the stand: site.yaml, the header menu and the theme files. */
    static String site(Path contentDir, List<StaticPage> pages, List<Path> themeDirs, String generator) {
        MessageDigest md = digest();
        update(md, generator);
        try {
            Path siteYaml = contentDir.resolve("site.yaml");
            update(md, "site.yaml");
            if (Files.isRegularFile(siteYaml)) {
                md.update(Files.readAllBytes(siteYaml));
            }
            for (StaticPage p : pages) {
                update(md, "page\n" + p.slug() + "\n" + p.title() + "\n" + p.order());
            }
            for (Path dir : themeDirs) {
                update(md, "theme\n" + dir.toAbsolutePath().normalize());
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        update(md, dir.relativize(f).toString().replace('\\', '/'));
                        md.update(Files.readAllBytes(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash the site settings and theme", e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static void update(MessageDigest md, String text) {
        md.update(text.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
