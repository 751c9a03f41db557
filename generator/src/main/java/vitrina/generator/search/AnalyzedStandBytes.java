package vitrina.generator.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand's analyzed search documents as bytes, so that a rebuild can index an unchanged stand without reading its
 * pages and analyzing them again. Terms are stored as text (term ids are numbers of one build only): a table of the
 * stand's distinct terms, then each document's display data and per field the indexes into that table.
 */
final class AnalyzedStandBytes {
    private static final int FORMAT = 1;

    private AnalyzedStandBytes() {
    }

    static byte[] write(List<AnalyzedDocument> docs, TermTable table) {
        LocalIds local = new LocalIds();
        List<String> terms = new ArrayList<>();
        for (AnalyzedDocument d : docs) {
            for (int[] field : d.fieldTerms()) {
                for (int t : field) {
                    if (local.add(t, terms.size())) {
                        terms.add(table.term(t));
                    }
                }
            }
        }
        long ints = 0;
        for (AnalyzedDocument d : docs) {
            for (int[] field : d.fieldTerms()) {
                ints += field.length;
            }
        }
        // sized once: a stand's term lists are tens of kilobytes, and growing the array step by step showed in profiles
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64,
                4 * ints + 32L * terms.size() + 1024L * docs.size() + 64));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(terms.size());
            for (String t : terms) {
                string(out, t);
            }
            out.writeInt(docs.size());
            for (AnalyzedDocument d : docs) {
                SearchDocument doc = d.doc();
                for (String s : List.of(doc.sortKey(), doc.url())) {
                    string(out, s);
                }
                for (String s : new String[] {doc.title(), doc.standName(), doc.standId(), doc.kind(),
                        doc.snippet()}) {
                    nullable(out, s);
                }
                out.writeInt(doc.facets().size());
                for (String f : doc.facets()) {
                    string(out, f);
                }
                out.writeInt(d.fieldTerms().length);
                for (int[] field : d.fieldTerms()) {
                    out.writeInt(field.length);
                    ByteBuffer ids = ByteBuffer.allocate(4 * field.length); // big-endian, as DataOutputStream
                    for (int t : field) {
                        ids.putInt(local.get(t));
                    }
                    out.write(ids.array());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** The documents with term ids of {@code table}; throws on bytes of another format or damaged bytes. */
    static List<AnalyzedDocument> read(byte[] bytes, TermTable table) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes); // big-endian, as DataOutputStream wrote it
        try {
            if (in.getInt() != FORMAT) {
                throw new IOException("unknown analyzed stand format");
            }
            int[] ids = new int[in.getInt()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = table.id(string(in));
            }
            int n = in.getInt();
            List<AnalyzedDocument> docs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String sortKey = string(in);
                String url = string(in);
                String title = nullable(in);
                String standName = nullable(in);
                String standId = nullable(in);
                String kind = nullable(in);
                String snippet = nullable(in);
                List<String> facets = new ArrayList<>();
                for (int f = in.getInt(); f > 0; f--) {
                    facets.add(string(in));
                }
                int[][] fields = new int[in.getInt()][];
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = new int[in.getInt()];
                    for (int k = 0; k < fields[f].length; k++) {
                        fields[f][k] = ids[in.getInt()];
                    }
                }
                docs.add(new AnalyzedDocument(new SearchDocument(sortKey, url, title, standName, standId, kind,
                        snippet, facets, AnalyzedDocument.EMPTY_FIELDS), fields));
            }
            if (in.hasRemaining()) {
                throw new IOException("trailing bytes after the analyzed stand");
            }
            return docs;
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IOException("truncated or damaged analyzed stand", e);
        }
    }

    /** Global term id to the stand's own index: an open-addressing map, no boxing per word of every page. */
    private static final class LocalIds {
        private int[] keys = new int[1024];
        private int[] values = new int[1024];
        private int size;

        LocalIds() {
            java.util.Arrays.fill(keys, -1);
        }

        /** Maps {@code key} to {@code value} unless already mapped; whether it was new. */
        boolean add(int key, int value) {
            int i = slot(key);
            if (keys[i] == key) {
                return false;
            }
            keys[i] = key;
            values[i] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
            return true;
        }

        int get(int key) {
            int i = slot(key);
            if (keys[i] != key) {
                throw new IllegalStateException("term not in the stand's table: " + key);
            }
            return values[i];
        }

        private int slot(int key) {
            int mask = keys.length - 1;
            int i = (key * 0x9E3779B9) >>> 1 & mask;
            while (keys[i] != -1 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            java.util.Arrays.fill(keys, -1);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int j = slot(oldKeys[i]);
                    keys[j] = oldKeys[i];
                    values[j] = oldValues[i];
                }
            }
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static String nullable(ByteBuffer in) throws IOException {
        byte flag = in.get();
        if (flag != 0 && flag != 1) {
            throw new IOException("damaged analyzed stand");
        }
        return flag == 1 ? string(in) : null;
    }
}
