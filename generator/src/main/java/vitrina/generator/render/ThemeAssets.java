package vitrina.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import vitrina.generator.model.OutputSink;

/**
 * The theme's static files, published under content-hashed names: {@code assets/site.css} becomes
 * {@code /assets/site.3f9a2c1e.css}. A file in a more specific theme folder wins over one with the same relative
 * name in a later folder.
 */
final class ThemeAssets {
    private final Map<String, Asset> byName;

    private record Asset(Path file, byte[] content, String url) {
    }

    private ThemeAssets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    static ThemeAssets scan(List<Path> themeDirs) {
        Map<String, Asset> found = new TreeMap<>();
        for (Path dir : themeDirs) {
            Path assets = dir.resolve("assets");
            if (!Files.isDirectory(assets)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(assets)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = assets.relativize(file).toString().replace('\\', '/');
                    if (!found.containsKey(name)) {
                        byte[] content = Files.readAllBytes(file);
                        found.put(name, new Asset(file, content, "/assets/" + fingerprinted(name, content)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read theme assets in " + assets, e);
            }
        }
        return new ThemeAssets(found);
    }

    /** The published URL of an asset, e.g. {@code /assets/site.3f9a2c1e.css}. */
    Optional<String> findUrl(String name) {
        Asset asset = byName.get(name);
        return asset == null ? Optional.empty() : Optional.of(asset.url());
    }

    /** Writes every asset under its fingerprinted name. */
    void publish(OutputSink sink) {
        byName.values().forEach(a -> sink.write(a.url().substring(1), a.content()));
    }

    /** {@code css/site.css} with content hash {@code 3f9a2c1e…} → {@code css/site.3f9a2c1e.css}. */
    static String fingerprinted(String name, byte[] content) {
        String hash = sha256(content).substring(0, 8);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + "." + hash;
        }
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
