package vitrina.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import vitrina.generator.model.StandId;

/**
 * Finds similar stands with Lucene's {@link MoreLikeThis}: one in-memory Lucene document per stand holding the
 * stems of all its sections and materials; each stand's most distinctive terms become a query over the others.
 */
final class RelatedStands {
    /** Each stand's documents; a stand's text is spelled out only while its Lucene document is added. */
    private final SortedMap<String, List<AnalyzedDocument>> docsByStand = new TreeMap<>();
    private final String[] terms;
    private final boolean[] plain;
    /** The whitespace tokenizer cuts longer tokens (255 chars); such rare terms go through the text path. */
    private static final int MAX_PLAIN_TOKEN = 200;

    RelatedStands(List<AnalyzedDocument> docs, String[] terms) {
        this.terms = terms;
        this.plain = new boolean[terms.length];
        for (int t = 0; t < terms.length; t++) {
            plain[t] = plain(terms[t]);
        }
        for (AnalyzedDocument d : docs) {
            if (d.doc().standId().isEmpty()) {
                continue;
            }
            docsByStand.computeIfAbsent(d.doc().standId(), k -> new ArrayList<>()).add(d);
        }
    }

    /** Whether every term can be handed to Lucene as one token exactly as the whitespace tokenizer would cut it. */
    private boolean plainTokens(String standId) {
        for (AnalyzedDocument d : docsByStand.get(standId)) {
            for (int[] field : d.fieldTerms()) {
                for (int t : field) {
                    if (!plain[t]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean plain(String term) {
        if (term.isEmpty() || term.length() >= MAX_PLAIN_TOKEN) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isSurrogate(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private String text(String standId) {
        StringBuilder sb = new StringBuilder();
        for (AnalyzedDocument d : docsByStand.get(standId)) {
            for (int[] field : d.fieldTerms()) {
                for (int t : field) {
                    sb.append(terms[t]).append(' ');
                }
            }
        }
        return sb.toString();
    }

    Map<StandId, List<StandId>> related(int limit) {
        Map<StandId, List<StandId>> out = new TreeMap<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            WhitespaceAnalyzer analyzer = new WhitespaceAnalyzer();
            List<String> ids = new ArrayList<>(docsByStand.keySet());
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                FieldType type = new FieldType();
                type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
                type.setTokenized(true);
                type.setStoreTermVectors(true);
                type.freeze();
                for (String id : ids) {
                    Document doc = new Document();
                    doc.add(new StoredField("id", id));
                    doc.add(plainTokens(id) ? new Field("text", new TermStream(docsByStand.get(id), terms), type)
                            : new Field("text", text(id), type));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {"text"});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(2);
                mlt.setMaxDocFreqPct(60);
                mlt.setMaxQueryTerms(40);
                // each stand's query is independent of the others: both cores run them, the results go in order
                List<List<StandId>> found = IntStream.range(0, reader.maxDoc()).parallel().mapToObj(doc -> {
                    try {
                        return similar(searcher, mlt.like(doc), doc, ids, limit);
                    } catch (IOException e) {
                        throw new UncheckedIOException("in-memory Lucene index failed", e);
                    }
                }).toList();
                for (int doc = 0; doc < found.size(); doc++) {
                    out.put(new StandId(ids.get(doc)), found.get(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory Lucene index failed", e);
        }
        return out;
    }

    /**
     * A stand's terms as tokens, in the order {@link #text} spells them out: the same index as whitespace-tokenizing
     * that text (no field here keeps positions or offsets), without building and re-scanning the string.
     */
    private static final class TermStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<AnalyzedDocument> docs;
        private final String[] terms;
    private final boolean[] plain;
    /** The whitespace tokenizer cuts longer tokens (255 chars); such rare terms go through the text path. */
    private static final int MAX_PLAIN_TOKEN = 200;
        private int doc;
        private int field;
        private int next;

        TermStream(List<AnalyzedDocument> docs, String[] terms) {
            this.docs = docs;
            this.terms = terms;
        this.plain = new boolean[terms.length];
        for (int t = 0; t < terms.length; t++) {
            plain[t] = plain(terms[t]);
        }
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            while (doc < docs.size()) {
                int[][] fields = docs.get(doc).fieldTerms();
                if (field < fields.length && next < fields[field].length) {
                    term.setEmpty().append(terms[fields[field][next++]]);
                    return true;
                }
                if (field < fields.length) {
                    field++;
                } else {
                    doc++;
                    field = 0;
                }
                next = 0;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            doc = 0;
            field = 0;
            next = 0;
        }
    }

    private static List<StandId> similar(IndexSearcher searcher, Query query, int self, List<String> ids, int limit)
            throws IOException {
        List<ScoreDoc> hits = new ArrayList<>(List.of(searcher.search(query, limit + 1 + 10).scoreDocs));
        hits.sort(Comparator.comparingDouble((ScoreDoc h) -> -h.score).thenComparing(h -> ids.get(h.doc)));
        List<StandId> out = new ArrayList<>();
        for (ScoreDoc h : hits) {
            if (h.doc != self && out.size() < limit) {
                out.add(new StandId(ids.get(h.doc)));
            }
        }
        return List.copyOf(out);
    }
}
