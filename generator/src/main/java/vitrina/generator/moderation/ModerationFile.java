package vitrina.generator.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits moderation.yaml as text, line by line, so that organizers' comments, blank lines and the order of the rest
 * of the file survive every change. Only the entry of the stand concerned (and {@code round}/{@code date}) is
 * rewritten, always in flow style on one line: {@code  id: { status: approved, version: "sha256:…" }}.
 */
public final class ModerationFile {
    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_-]+):(.*)$");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s+#[^\"']*$");

    private final Path file;
    private final List<String> lines;

    private ModerationFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static ModerationFile open(Path file) {
        try {
            List<String> lines = Files.exists(file)
                    ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
            return new ModerationFile(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One decision: status approved, changes-requested or rejected; version and comment may be null. */
    public record Decision(String status, String version, String comment) {
        String toFlow() {
            StringBuilder sb = new StringBuilder("{ status: ").append(status);
            if (version != null) {
                sb.append(", version: ").append(quote(version));
            }
            if (comment != null && !comment.isBlank()) {
                sb.append(", comment: ").append(quote(comment));
            }
            return sb.append(" }").toString();
        }
    }

    /** Sets a stand's decision, replacing its previous entry (block or flow style) in place. */
    public ModerationFile set(String standId, Decision decision) {
        int stands = findTopLevel("stands");
        if (stands < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("stands:");
            stands = lines.size() - 1;
        }
        String indent = "  ";
        int end = lines.size();
        int insertAt = -1;
        for (int i = stands + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                end = i;
                break;
            }
            if (m.matches() && insertAt < 0) {
                indent = m.group(1);
            }
            if (m.matches() && m.group(1).equals(indent) && m.group(2).equals(standId)) {
                int last = i;
                for (int j = i + 1; j < lines.size(); j++) {
                    String next = lines.get(j);
                    if (next.isBlank() || next.stripLeading().startsWith("#")) {
                        continue;
                    }
                    if (indentOf(next) <= indent.length()) {
                        break;
                    }
                    last = j;
                }
                String comment = trailingComment(m.group(3));
                for (int j = last; j > i; j--) {
                    lines.remove(j);
                }
                lines.set(i, indent + standId + ": " + decision.toFlow() + comment);
                return this;
            }
            insertAt = i;
        }
        int at = insertAt < 0 ? stands + 1 : lastLineOfEntry(insertAt, indent.length(), end) + 1;
        lines.add(at, indent + standId + ": " + decision.toFlow());
        return this;
    }

    /** Sets {@code round} and {@code date} (top-level keys), adding them at the top when absent. */
    public ModerationFile setRound(int round, String date) {
        setTopLevel("date", date, 0);
        setTopLevel("round", Integer.toString(round), 0);
        return this;
    }

    public void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    private void setTopLevel(String key, String value, int insertAt) {
        int i = findTopLevel(key);
        if (i >= 0) {
            Matcher m = KEY.matcher(lines.get(i));
            String comment = m.matches() ? trailingComment(m.group(3)) : "";
            lines.set(i, key + ": " + value + comment);
        } else {
            lines.add(insertAt, key + ": " + value);
        }
    }

    private int findTopLevel(String key) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = KEY.matcher(lines.get(i));
            if (m.matches() && m.group(1).isEmpty() && m.group(2).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private int lastLineOfEntry(int start, int indent, int end) {
        int last = start;
        for (int j = start + 1; j < end; j++) {
            String next = lines.get(j);
            if (next.isBlank() || next.stripLeading().startsWith("#")) {
                continue;
            }
            if (indentOf(next) <= indent) {
                break;
            }
            last = j;
        }
        return last;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String trailingComment(String rest) {
        Matcher c = TRAILING_COMMENT.matcher(rest);
        return c.find() ? c.group() : "";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    /** Reads the decisions (status, version, comment) by stand id, in file order; tolerant of odd entries. */
    public Map<String, Decision> decisions() {
        Map<String, Decision> out = new LinkedHashMap<>();
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            var root = mapper.readTree(text());
            var stands = root == null ? null : root.get("stands");
            if (stands != null && stands.isObject()) {
                stands.fields().forEachRemaining(e -> out.put(e.getKey(), new Decision(
                        text(e.getValue(), "status"), text(e.getValue(), "version"), text(e.getValue(), "comment"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moderation.yaml is not valid YAML: " + e.getMessage(), e);
        }
        return out;
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        var v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
