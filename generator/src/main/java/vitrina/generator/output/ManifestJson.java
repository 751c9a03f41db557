package vitrina.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes {@link OutputManifest} as a small, stable JSON file (one line per file, sorted). */
public final class ManifestJson {
    private static final Pattern ROW = Pattern.compile("\"([^\"]+)\": \\{\"sha256\": \"([0-9a-f]{64})\", \"size\": (\\d+)}");

    private ManifestJson() {
    }

    public static String toJson(OutputManifest manifest) {
        StringBuilder sb = new StringBuilder("{\"files\": {\n");
        int i = 0;
        for (Map.Entry<String, OutputManifest.Entry> e : manifest.files().entrySet()) {
            sb.append("  \"").append(e.getKey()).append("\": {\"sha256\": \"").append(e.getValue().sha256())
                    .append("\", \"size\": ").append(e.getValue().size()).append('}');
            sb.append(++i < manifest.files().size() ? ",\n" : "\n");
        }
        return sb.append("}}\n").toString();
    }

    public static void write(OutputManifest manifest, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, toJson(manifest), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest " + file, e);
        }
    }

    /** Reads a manifest written by {@link #write}; a missing file gives an empty manifest. */
    public static OutputManifest read(Path file) {
        if (!Files.exists(file)) {
            return new OutputManifest(new TreeMap<>());
        }
        try {
            TreeMap<String, OutputManifest.Entry> files = new TreeMap<>();
            Matcher m = ROW.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                files.put(m.group(1), new OutputManifest.Entry(m.group(2), Long.parseLong(m.group(3))));
            }
            return new OutputManifest(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
    }
}
