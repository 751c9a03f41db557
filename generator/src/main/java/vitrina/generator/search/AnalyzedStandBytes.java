package vitrina.generator.search;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A stand's analyzed search documents as bytes, so that a rebuild can index an unchanged stand without reading its
 * pages and analyzing them again: each document's sort key, URL, stand, kind and facets, then the documents' term ids exactly as the index's
 * spill file holds them ({@link DocumentStore.Encoded}), so that a later build adds the stand by copying them, and
 * each document's fragment (its published display data) with its name, so that a later build names, and keeps, an
 * unchanged stand's fragment file without making it.
 *
 * <p>Term ids are numbers of a {@link TermTable} kept between builds; the bytes carry the table's {@link
 * TermTable.Stamp} and their largest id, and read back only where the table vouches for them (otherwise the read
 * fails and the stand is analyzed again, as for damaged bytes). A CRC-32C of the whole catches damage: ids read
 * back are copied into the index unchecked.
 */
final class AnalyzedStandBytes {
    private static final int FORMAT = 5;

    private AnalyzedStandBytes() {
    }

    /** @param fragmentJsons each document's fragment JSON ({@link IndexFiles#fragmentBytes}) */
    static byte[] write(List<SearchDocument> docs, List<byte[]> fragmentJsons, DocumentStore.Encoded encoded,
                        TermTable.Stamp stamp) {
        if (docs.size() != encoded.documents() || fragmentJsons.size() != docs.size()) {
            throw new IllegalArgumentException(docs.size() + " documents, " + encoded.documents() + " encoded");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.bytes().length
                + 3 * encoded.pairs().length + 1024 * docs.size() + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(stamp.tableId());
            out.writeLong(stamp.buildSerial());
            out.writeInt(stamp.base());
            out.writeInt(encoded.maxTerm());
            out.writeInt(docs.size());
            for (int d = 0; d < docs.size(); d++) {
                SearchDocument doc = docs.get(d);
                string(out, doc.sortKey());
                string(out, doc.url());
                nullable(out, doc.standId());
                nullable(out, doc.kind());
                out.writeInt(doc.facets().size());
                for (String f : doc.facets()) {
                    string(out, f);
                }
                byte[] json = fragmentJsons.get(d);
                string(out, IndexFiles.fragmentName(json));
                out.writeInt(json.length);
                out.write(json);
            }
            for (int start : encoded.starts()) {
                out.writeInt(start);
            }
            for (int length : encoded.lengths()) {
                out.writeInt(length);
            }
            out.writeInt(encoded.bytes().length);
            out.write(encoded.bytes());
            ByteText pairs = new ByteText(3 * encoded.pairs().length + 16);
            for (int v : encoded.pairs()) {
                pairs.appendVarint(v);
            }
            out.writeInt(encoded.pairs().length);
            out.writeInt(pairs.size());
            out.write(pairs.array(), 0, pairs.size());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] body = bytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] all = java.util.Arrays.copyOf(body, body.length + 4);
        ByteBuffer.wrap(all, body.length, 4).putInt((int) crc.getValue());
        return all;
    }

    /** A stand read back: display data and encoded term ids. */
    /** Documents keep only what the index needs besides the fragment JSON (see {@link DocumentStore#light}). */
    record Stored(List<SearchDocument> docs, DocumentStore.Encoded encoded, List<String> fragments,
                  List<byte[]> fragmentJsons) {
    }

    /**
     * The documents, when {@code table} vouches for their term ids; throws on bytes of another format, damaged
     * bytes, or ids of another table or of a build whose terms were never saved.
     */
    static Stored read(byte[] bytes, TermTable table) throws IOException {
        if (bytes.length < 8) {
            throw new IOException("truncated analyzed stand");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes); // big-endian, as DataOutputStream wrote it
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
            throw new IOException("damaged analyzed stand (checksum)");
        }
        in.limit(bytes.length - 4);
        try {
            if (in.getInt() != FORMAT) {
                throw new IOException("unknown analyzed stand format");
            }
            TermTable.Stamp stamp = new TermTable.Stamp(in.getLong(), in.getLong(), in.getInt());
            int maxTerm = in.getInt();
            if (!table.vouchesFor(stamp, maxTerm)) {
                throw new IOException("analyzed with terms this build's table does not have");
            }
            int n = in.getInt();
            List<SearchDocument> docs = new ArrayList<>(n);
            List<String> fragments = new ArrayList<>(n);
            List<byte[]> jsons = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String sortKey = string(in);
                String url = string(in);
                String standId = nullable(in);
                String kind = nullable(in);
                List<String> facets = new ArrayList<>();
                for (int f = in.getInt(); f > 0; f--) {
                    facets.add(string(in));
                }
                docs.add(new SearchDocument(sortKey, url, null, null, standId, kind, null, facets,
                        AnalyzedDocument.EMPTY_FIELDS));
                fragments.add(string(in));
                byte[] json = new byte[in.getInt()];
                in.get(json);
                jsons.add(json);
            }
            int[] starts = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = in.getInt();
            }
            int[] lengths = new int[n * DocumentStore.FIELDS];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = in.getInt();
            }
            byte[] ids = new byte[in.getInt()];
            in.get(ids);
            int[] pairs = new int[in.getInt()];
            int end = in.getInt() + in.position();
            int[] at = {in.position()};
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = varint(bytes, at, end);
            }
            if (at[0] != end || end != in.limit()) {
                throw new IOException("trailing bytes after the analyzed stand");
            }
            return new Stored(docs, new DocumentStore.Encoded(ids, starts, lengths, pairs, maxTerm), fragments, jsons);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException
                 | IllegalArgumentException e) {
            throw new IOException("truncated or damaged analyzed stand", e);
        }
    }

    private static int varint(byte[] bytes, int[] at, int end) throws IOException {
        int i = at[0];
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            if (i >= end || shift > 28) {
                throw new IOException("damaged analyzed stand (varint)");
            }
            int b = bytes[i++];
            v |= (b & 0x7f) << shift;
            if (b >= 0) {
                break;
            }
        }
        at[0] = i;
        return v;
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
        if (length > in.remaining()) {
            throw new IndexOutOfBoundsException("string past the end");
        }
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
