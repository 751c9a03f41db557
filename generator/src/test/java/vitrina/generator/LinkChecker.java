package vitrina.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks that every internal link of a built site resolves to a written file: {@code href} of links and
 * {@code <link>}, {@code src} and every {@code srcset} entry of images, scripts and sources, and {@code action} of
 * forms. Internal means root-relative ({@code /catalog/}) or relative to the page; absolute URLs, {@code mailto:},
 * {@code tel:} and fragments are skipped. {@code /x/} resolves to {@code x/index.html}. Reusable over an output
 * folder ({@link #check(Path)}) or over in-memory files ({@link #check(Map)}).
 */
public final class LinkChecker {
    /** One broken link: the page that has it, and the target as written. */
    public record Broken(String page, String target) {
        @Override
        public String toString() {
            return page + " → " + target;
        }
    }

    private LinkChecker() {
    }

    /** Broken links in a site written to {@code root}. */
    public static List<Broken> check(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                files.put(rel, rel.endsWith(".html") ? Files.readAllBytes(file) : new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check(files);
    }

    /** Broken links among in-memory files: site-relative path (no leading slash) to content. */
    public static List<Broken> check(Map<String, byte[]> files) {
        Set<String> paths = files.keySet();
        List<Broken> broken = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            if (!e.getKey().endsWith(".html")) {
                continue;
            }
            Document doc = Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8));
            for (String target : targets(doc)) {
                String path = resolve(e.getKey(), target);
                if (path != null && !paths.contains(path)) {
                    broken.add(new Broken(e.getKey(), target));
                }
            }
        }
        return broken;
    }

    private static List<String> targets(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element el : doc.select("a[href], link[href], area[href]")) {
            out.add(el.attr("href"));
        }
        for (Element el : doc.select("[src]")) {
            out.add(el.attr("src"));
        }
        for (Element el : doc.select("[srcset]")) {
            for (String candidate : el.attr("srcset").split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) {
                    out.add(url);
                }
            }
        }
        for (Element el : doc.select("form[action]")) {
            out.add(el.attr("action"));
        }
        return out;
    }

    /** The site-relative file a link points to, or null when the link is not internal. */
    static String resolve(String page, String target) {
        String t = target.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("//") || t.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return null;
        }
        int cut = indexOfAny(t, '?', '#');
        if (cut >= 0) {
            t = t.substring(0, cut);
        }
        String path;
        if (t.startsWith("/")) {
            path = t.substring(1);
        } else {
            int slash = page.lastIndexOf('/');
            path = normalize((slash < 0 ? "" : page.substring(0, slash + 1)) + t);
        }
        path = URLDecoder.decode(path, StandardCharsets.UTF_8);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
