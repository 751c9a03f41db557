package vitrina.generator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
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

    RelatedStands(List<AnalyzedDocument> docs, String[] terms) {
        this.terms = terms;
        for (AnalyzedDocument d : docs) {
            if (d.doc().standId().isEmpty()) {
                continue;
            }
            docsByStand.computeIfAbsent(d.doc().standId(), k -> new ArrayList<>()).add(d);
        }
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
                    doc.add(new Field("text", text(id), type));
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
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    out.put(new StandId(ids.get(doc)), similar(searcher, mlt.like(doc), doc, ids, limit));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory Lucene index failed", e);
        }
        return out;
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
