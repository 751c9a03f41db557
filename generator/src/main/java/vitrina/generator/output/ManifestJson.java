package vitrina.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads and writes {@link OutputManifest} as a small, stable JSON file (one line per file, sorted). */
public final class ManifestJson {
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

    /**
     * Reads a manifest written by {@link #write}; a missing file gives an empty manifest. A line that is not one
     * file's entry is skipped (its file is then not taken over, but written again). Parsed line by line without a
     * regular expression, and built as a sorted map without comparing when the lines are in order, as written: the
     * manifest of 50,000 stands has half a million lines, which the expression took 1.4 s to read.
     */
    public static OutputManifest read(Path file) {
        if (!Files.exists(file)) {
            return new OutputManifest(new TreeMap<>());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
        List<String> paths = new ArrayList<>();
        List<OutputManifest.Entry> entries = new ArrayList<>();
        boolean ordered = true;
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int open = text.indexOf('"', start);
            int mid = open < 0 || open >= end ? -1 : text.indexOf(MID, open + 1);
            if (mid < 0 || mid >= end) {
                continue;
            }
            int sha = mid + MID.length();
            int size = sha + 64 + SIZE.length();
            int digits = size;
            while (digits < end && digits - size < 18 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            String path = text.substring(open + 1, mid);
            if (path.isEmpty() || path.indexOf('"') >= 0 || size > end || !hex(text, sha, sha + 64)
                    || !text.startsWith(SIZE, sha + 64) || digits == size || digits >= end || text.charAt(digits) != '}') {
                continue;
            }
            ordered &= paths.isEmpty() || paths.get(paths.size() - 1).compareTo(path) < 0;
            paths.add(path);
            entries.add(new OutputManifest.Entry(text.substring(sha, sha + 64), Long.parseLong(text, size, digits, 10)));
        }
        if (ordered) {
            return new OutputManifest(new SortedLines(paths, entries));
        }
        TreeMap<String, OutputManifest.Entry> files = new TreeMap<>();
        for (int i = 0; i < paths.size(); i++) {
            files.put(paths.get(i), entries.get(i));
        }
        return new OutputManifest(files);
    }

    private static final String MID = "\": {\"sha256\": \"";
    private static final String SIZE = "\", \"size\": ";

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines read, already in order: handed to {@link OutputManifest}, whose sorted copy is then built in one pass
     * from the entries (as from any sorted map with the natural order) instead of by half a million insertions.
     * Only what that copy reads is supported.
     */
    private static final class SortedLines extends AbstractMap<String, OutputManifest.Entry>
            implements SortedMap<String, OutputManifest.Entry> {
        private final List<String> paths;
        private final List<OutputManifest.Entry> entries;

        SortedLines(List<String> paths, List<OutputManifest.Entry> entries) {
            this.paths = paths;
            this.entries = entries;
        }

        @Override
        public Set<Map.Entry<String, OutputManifest.Entry>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, OutputManifest.Entry>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < paths.size();
                        }

                        @Override
                        public Map.Entry<String, OutputManifest.Entry> next() {
                            if (i >= paths.size()) {
                                throw new java.util.NoSuchElementException();
                            }
                            Map.Entry<String, OutputManifest.Entry> e = Map.entry(paths.get(i), entries.get(i));
                            i++;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return paths.size();
                }
            };
        }

        @Override
        public int size() {
            return paths.size();
        }

        @Override
        public Comparator<? super String> comparator() {
            return null; // natural order, as the sorted copy's
        }

        @Override
        public SortedMap<String, OutputManifest.Entry> subMap(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, OutputManifest.Entry> headMap(String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, OutputManifest.Entry> tailMap(String from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String firstKey() {
            return paths.get(0);
        }

        @Override
        public String lastKey() {
            return paths.get(paths.size() - 1);
        }
    }
}
