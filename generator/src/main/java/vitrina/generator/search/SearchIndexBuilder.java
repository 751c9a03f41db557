package vitrina.generator.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import vitrina.generator.model.Material;
import vitrina.generator.model.Nomination;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.OutputSink;
import vitrina.generator.model.Photo;
import vitrina.generator.model.Regions;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.Section;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;
import vitrina.generator.model.StaticPage;

/**
 * Collects documents from every published stand and page, then writes content-hashed index files. Thread-safe.
 * The documents' term ids go to a temporary spill file as they are added, and the index is built from it in
 * passes of bounded size, so that the heap holds only the documents' display data and one pass's postings;
 * {@link #close} deletes the file (a builder that is not closed deletes it when unreachable or at exit).
 */
public final class SearchIndexBuilder implements AutoCloseable {
    /** Ints of postings and positions (about 4 bytes each) one pass of the index build may hold. */
    static final long DEFAULT_PARTITION_BUDGET = 24_000_000;

    private final TermTable terms;
    /** Where the term table is kept between builds; null: not kept. */
    private final java.nio.file.Path termsFile;
    /** Terms found in the documents of the index last built here (-1: none built). */
    private volatile int liveTerms = -1;
    private final DocumentStore docs;
    private final long partitionBudget;
    private final java.nio.file.Path spillDirectory;
    private long largeTerm = IndexFiles.LARGE_TERM;
    private int groupInMemory = IndexFiles.GROUP_IN_MEMORY;
    private int positionsMaxDf = IndexFiles.POSITIONS_MAX_DF;
    private int directPasses = InvertedIndex.DIRECT_PASSES;
    private int bucketRanges = InvertedIndex.RANGES;
    private int bucketRangeDocs = InvertedIndex.RANGE_DOCS;
    private final Map<String, String> labels = new TreeMap<>();
    private final RelatedStands relatedStands = new RelatedStands();

    /** A builder whose nomination filter shows the ids as labels. */
    public SearchIndexBuilder() {
        this(List.of());
    }

    /** A builder whose nomination filter shows the nominations' titles. */
    public SearchIndexBuilder(List<Nomination> nominations) {
        this(nominations, null, DEFAULT_PARTITION_BUDGET, null);
    }

    /**
     * A builder whose term table is kept in {@code termsFile} between builds (see {@link #saveTerms}): stands it
     * analyzes are stored ({@link #bytes}) with that table's term ids, which a later builder with the same file adds
     * by copying (see {@link #readAnalyzed}).
     */
    public SearchIndexBuilder(List<Nomination> nominations, java.nio.file.Path termsFile) {
        this(nominations, null, DEFAULT_PARTITION_BUDGET, Objects.requireNonNull(termsFile, "termsFile"));
    }

    /**
     * @param spillDirectory  where the spill file goes; the default temporary-file directory when null
     * @param partitionBudget ints of postings and positions one pass may hold (a pass takes one term at least)
     */
    SearchIndexBuilder(List<Nomination> nominations, java.nio.file.Path spillDirectory, long partitionBudget) {
        this(nominations, spillDirectory, partitionBudget, null);
    }

    private SearchIndexBuilder(List<Nomination> nominations, java.nio.file.Path spillDirectory, long partitionBudget,
                               java.nio.file.Path termsFile) {
        this.termsFile = termsFile;
        this.terms = termsFile == null ? new TermTable() : TermTable.load(termsFile);
        if (partitionBudget <= 0) {
            throw new IllegalArgumentException("partition budget must be positive: " + partitionBudget);
        }
        this.docs = new DocumentStore(spillDirectory);
        this.spillDirectory = spillDirectory;
        this.partitionBudget = partitionBudget;
        nominations(nominations);
        for (OrgType t : OrgType.values()) {
            labels.put("type:" + t.id(), t.title());
        }
        Regions.all().forEach(r -> labels.put("region:" + r.slug(), r.name()));
    }

    /** Shows these nominations' titles in the nomination filter (for a builder made before site.yaml was read). */
    public void nominations(List<Nomination> nominations) {
        Objects.requireNonNull(nominations, "nominations");
        synchronized (labels) {
            for (Nomination n : nominations) {
                labels.put("nomination:" + n.id(), n.title());
            }
        }
    }

    /**
     * @param sections      rendered sections by slug
     * @param materialTexts extracted text of each material by its path ({@code files/x.pdf}); absent when none
     * @param materialUrls  published URL of each material by its path
     */
    public void addStand(Stand stand, Map<String, RenderedMarkdown> sections, Map<String, String> materialTexts,
                         Map<String, String> materialUrls) {
        add(analyzeStand(stand, sections, materialTexts, materialUrls));
    }

    /** Adds a stand analyzed earlier by {@link #analyzeStand} of this builder. */
    public void add(AnalyzedStand stand) {
        addSignature(stand);
        addDocuments(stand);
    }

    /**
     * Adds a stand's documents to the index but not its signature to the related stands: for a stand whose signature
     * was added with {@link #addSignature(byte[])}.
     */
    public void addDocuments(AnalyzedStand stand) {
        check(stand);
        docs.add(stand.docs, stand.encoded(), stand.fragments, stand.fragmentJsons());
    }

    /** Adds a stand's signature to the related stands but not its documents to the index (see {@link #addDocuments}). */
    public void addSignature(AnalyzedStand stand) {
        check(stand);
        relatedStands.add(stand.decoded(), terms);
    }

    /**
     * The stand's signature for the related stands as bytes, for {@link #addSignature(byte[])} in a later build (any
     * builder): a few kilobytes, where the analyzed stand is tens.
     */
    public byte[] signature(AnalyzedStand stand) {
        check(stand);
        return RelatedStands.signatureBytes(stand.decoded(), terms);
    }

    /** Adds a signature from {@link #signature}: the related stands then come out as if the stand were added. */
    public void addSignature(byte[] signature) throws java.io.IOException {
        Objects.requireNonNull(signature, "signature");
        try {
            relatedStands.addSignatures(signature, terms);
        } catch (RuntimeException e) {
            throw new java.io.IOException("damaged signature", e);
        }
    }

    private void check(AnalyzedStand stand) {
        Objects.requireNonNull(stand, "stand");
        if (stand.terms != terms) {
            throw new IllegalArgumentException("stand analyzed by another builder");
        }
    }

    /**
     * A stand's documents analyzed but not yet in the index: the build analyzes a stand while its pages are fresh in
     * memory and adds it once it knows the stand is published. What is analyzed and not added leaves no trace in
     * the index files.
     */
    public static final class AnalyzedStand {
        private final TermTable terms;
        /** The documents: with their display data when analyzed here, without title and snippet when read back. */
        private final List<SearchDocument> docs;
        /** Term ids per document and field: from analysis, or decoded on first need from {@link #encoded}. */
        private List<AnalyzedDocument> decoded;
        /** Term ids as the index stores them: encoded on first need, or read back so. */
        private DocumentStore.Encoded encoded;
        /** The documents' fragment names, when read back with them (null: not known). */
        private final List<String> fragments;
        /** The documents' fragment JSON: read back with them, or made from {@link #docs} on first need. */
        private List<byte[]> fragmentJsons;

        private AnalyzedStand(TermTable terms, List<AnalyzedDocument> docs) {
            this.terms = terms;
            this.decoded = List.copyOf(docs);
            this.docs = decoded.stream().map(AnalyzedDocument::doc).toList();
            this.fragments = null;
            this.fragmentJsons = null;
        }

        private AnalyzedStand(TermTable terms, AnalyzedStandBytes.Stored stored) {
            this.terms = terms;
            this.docs = List.copyOf(stored.docs());
            this.encoded = stored.encoded();
            this.fragments = List.copyOf(stored.fragments());
            this.fragmentJsons = List.copyOf(stored.fragmentJsons());
        }

        private synchronized List<AnalyzedDocument> decoded() {
            if (decoded == null) {
                List<AnalyzedDocument> out = new ArrayList<>(docs.size());
                for (int d = 0; d < docs.size(); d++) {
                    out.add(new AnalyzedDocument(docs.get(d), encoded.terms(d)));
                }
                decoded = out;
            }
            return decoded;
        }

        private synchronized List<byte[]> fragmentJsons() {
            if (fragmentJsons == null) {
                fragmentJsons = docs.stream().map(IndexFiles::fragmentBytes).toList();
            }
            return fragmentJsons;
        }

        private synchronized DocumentStore.Encoded encoded() {
            if (encoded == null) {
                encoded = DocumentStore.encode(decoded);
            }
            return encoded;
        }
    }

    /**
     * The analyzed stand as bytes, for {@link #readAnalyzed} in a later build: one whose builder keeps the term table
     * in the same file, after {@link #saveTerms} (or this builder).
     */
    public byte[] bytes(AnalyzedStand stand) {
        check(stand);
        return AnalyzedStandBytes.write(stand.docs, stand.fragmentJsons(), stand.encoded(), terms.stamp());
    }

    /**
     * A stand analyzed in an earlier build, from {@link #bytes}; to be added with {@link #add(AnalyzedStand)}. Throws
     * on damaged bytes, and on bytes whose term ids this builder's table does not vouch for (another table, or a
     * build that never saved its terms): the stand must then be analyzed again.
     */
    public AnalyzedStand readAnalyzed(byte[] bytes) throws java.io.IOException {
        Objects.requireNonNull(bytes, "bytes");
        AnalyzedStandBytes.Stored stored = AnalyzedStandBytes.read(bytes, terms);
        return new AnalyzedStand(terms, stored);
    }

    /**
     * Keeps the term table for later builds (see {@link #SearchIndexBuilder(List, java.nio.file.Path)}); does nothing
     * for a builder without a file. Call once no stand is being analyzed, after the site the stored stands belong to
     * is written: stands stored by a builder that never saves are analyzed again by later builds.
     */
    public void saveTerms() {
        if (termsFile != null) {
            terms.save(termsFile, liveTerms);
        }
    }

    /** The documents {@link #addStand} would add, analyzed, without adding them; see {@link #add(AnalyzedStand)}. */
    public AnalyzedStand analyzeStand(Stand stand, Map<String, RenderedMarkdown> sections,
                                      Map<String, String> materialTexts, Map<String, String> materialUrls) {
        Objects.requireNonNull(stand, "stand");
        Objects.requireNonNull(sections, "sections");
        Objects.requireNonNull(materialTexts, "materialTexts");
        Objects.requireNonNull(materialUrls, "materialUrls");
        String id = stand.id().value();
        String shortName = stand.org().shortName();
        List<String> facets = new ArrayList<>();
        facets.add("region:" + stand.org().region().slug());
        facets.add("type:" + stand.org().type().id());
        stand.nominations().forEach(n -> facets.add("nomination:" + n));
        List<AnalyzedDocument> out = new ArrayList<>();
        for (Section section : stand.sections()) {
            RenderedMarkdown rendered = sections.get(section.slug());
            String text = rendered == null ? "" : rendered.plainText();
            String url = "/stands/" + id + "/" + (section.isIndex() ? "" : section.slug() + "/");
            String key = "1|" + id + "|1|" + order(section.order()) + "|" + section.slug();
            if (section.isIndex()) {
                String about = String.join(" ", stand.org().summary(), stand.org().city(),
                        stand.org().region().name(), stand.org().type().title(), captions(stand), text);
                String snippet = stand.org().summary().isEmpty() ? text : stand.org().summary() + " " + text;
                out.add(analyze(new SearchDocument(key, url, shortName, shortName, id, "section", snippet, facets,
                        List.of(section.title(), stand.org().name() + " " + shortName, about, ""))));
            } else {
                out.add(analyze(new SearchDocument(key, url, section.title() + " — " + shortName, shortName, id,
                        "section", text, facets, List.of(section.title(), "", text, ""))));
            }
        }
        for (Material m : stand.materials()) {
            String text = materialTexts.getOrDefault(m.path(), "");
            String url = materialUrls.getOrDefault(m.path(), "/stands/" + id + "/files/" + m.urlName());
            List<String> own = new ArrayList<>(facets);
            if (m.nomination() != null) {
                own.add("nomination:" + m.nomination());
            }
            String snippet = m.description().isEmpty() ? text : m.description() + " " + text;
            out.add(analyze(new SearchDocument("1|" + id + "|2|" + m.path(), url,
                    m.title() + " (" + m.format() + ") — " + shortName, shortName, id, "material", snippet, own,
                    List.of(m.title() + " " + m.displayName(), "", m.description(), text))));
        }
        return new AnalyzedStand(terms, out);
    }

    /** {@code String.format("%05d", order)} without the formatter (it showed in profiles). */
    private static String order(int order) {
        if (order < 0) {
            return String.format("%05d", order);
        }
        String digits = Integer.toString(order);
        return digits.length() >= 5 ? digits : "00000".substring(digits.length()) + digits;
    }

    private static String captions(Stand stand) {
        StringBuilder sb = new StringBuilder();
        for (Photo p : stand.photos()) {
            sb.append(p.caption() == null ? "" : p.caption()).append(' ');
        }
        return sb.toString();
    }

    public void addPage(StaticPage page, RenderedMarkdown rendered) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(rendered, "rendered");
        SearchDocument doc = new SearchDocument("2|" + page.slug(), "/" + page.slug() + "/", page.title(), "", "",
                "page", rendered.plainText(), List.of(), List.of(page.title(), "", rendered.plainText(), ""));
        docs.add(List.of(analyze(doc)));
    }

    /** For tests and benchmarks: documents analyzed elsewhere against this builder's terms, to be added. */
    AnalyzedStand analyzed(List<AnalyzedDocument> docs) {
        return new AnalyzedStand(terms, docs);
    }

    /** For tests and benchmarks: the id of a term in this builder's table. */
    int termId(String term) {
        return terms.id(term);
    }

    private AnalyzedDocument analyze(SearchDocument doc) {
        return AnalyzedDocument.of(doc, terms);
    }

    /** The most similar stands for each stand, best first, at most {@code limit}; deterministic. */
    public Map<StandId, List<StandId>> related(int limit) {
        return relatedStands.related(limit, terms);
    }

    /** Pairs of materials of different stands whose texts overlap at least {@code minSimilarity} (0..1). */
    public List<NearDuplicate> nearDuplicates(double minSimilarity) {
        DocumentStore.Snapshot snapshot = docs.snapshot();
        List<SearchDocument> materials = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int d = 0; d < snapshot.docs.size(); d++) {
            if ("material".equals(snapshot.docs.get(d).doc().kind())) {
                materials.add(snapshot.docs.get(d).doc());
                ids.add(d);
            }
        }
        int field = SearchDocument.Field.MATERIAL.ordinal();
        return new NearDuplicates(materials, m -> snapshot.terms(ids.get(m))[field]).find(minSimilarity);
    }

    /** Writes the index under {@code search/} in the site, each file as soon as it is complete. */
    public void write(OutputSink sink) {
        Objects.requireNonNull(sink, "sink");
        build(new OutputSink() {
            @Override
            public void write(String path, byte[] content) {
                sink.write("search/" + path, content);
            }

            @Override
            public void write(String path, byte[] content, byte[] sha256) {
                sink.write("search/" + path, content, sha256);
            }

            @Override
            public void copy(String path, java.nio.file.Path source) {
                sink.copy("search/" + path, source);
            }

            @Override
            public boolean keep(String path) {
                return sink.keep("search/" + path);
            }
        });
    }

    /** The index files by path relative to {@code search/}, sorted; what {@link #write} publishes. */
    public SortedMap<String, byte[]> files() {
        SortedMap<String, byte[]> files = new java.util.concurrent.ConcurrentSkipListMap<>(); // written from two threads
        build(new OutputSink() {
            @Override
            public void write(String path, byte[] content) {
                files.put(path, content);
            }

            @Override
            public void copy(String path, java.nio.file.Path source) {
                try {
                    files.put(path, java.nio.file.Files.readAllBytes(source));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read " + source, e);
                }
            }
        });
        return files;
    }

    /** Deletes the spill file. The builder takes no documents and builds nothing afterwards. Idempotent. */
    @Override
    public void close() {
        docs.close();
    }

    /** The spill file while there is one (for tests). */
    java.nio.file.Path spillFile() {
        return docs.spillFile();
    }

    /**
     * For tests: terms with more positions than {@code largeTerm} have them written straight into their group; a
     * group's positions past {@code groupInMemory} bytes go on in a temporary file in the spill directory.
     */
    void positionLimits(long largeTerm, int groupInMemory) {
        this.largeTerm = largeTerm;
        this.groupInMemory = groupInMemory;
    }

    /** For tests: terms found in more documents than this keep no positions (see {@link IndexFiles#POSITIONS_MAX_DF}). */
    void positionsMaxDf(int documents) {
        this.positionsMaxDf = documents;
    }

    /** For tests: how many partitions are read straight from the documents (see {@link InvertedIndex#DIRECT_PASSES}). */
    void directPasses(int passes) {
        this.directPasses = passes;
    }

    /** For tests: the pass sorting occurrences into buckets in up to {@code ranges} ranges of documents at least so long. */
    void bucketRanges(int ranges, int minDocs) {
        this.bucketRanges = ranges;
        this.bucketRangeDocs = minDocs;
    }

    /** How many passes building the index would take now (for tests). */
    int partitions() {
        try (InvertedIndex index = new InvertedIndex(docs.snapshot(), terms.all(), partitionBudget, positionsMaxDf)) {
            return index.partitions();
        }
    }

    private void build(OutputSink out) {
        DocumentStore.Snapshot snapshot = docs.snapshot();
        Map<String, String> facetLabels;
        synchronized (labels) {
            facetLabels = new TreeMap<>(labels);
        }
        try (InvertedIndex index = new InvertedIndex(snapshot, terms.all(), partitionBudget, positionsMaxDf)) {
            index.directPasses(directPasses).bucketRanges(bucketRanges, bucketRangeDocs);
            liveTerms = index.sortedTerms.length;
            new IndexFiles(snapshot.searchDocuments(), snapshot.fragments(), snapshot::fragmentJson, index, facetLabels,
                    out)
                    .positionLimits(largeTerm, groupInMemory, positionsMaxDf, spillDirectory).build();
        }
    }

    /**
     * Two materials of different stands with much text in common (possible copying), for organizers only.
     *
     * @param similarity share of the smaller text's word sequences found in the other (0..1)
     */
    public record NearDuplicate(String firstUrl, String secondUrl, String firstStand, String secondStand,
                                double similarity) {
    }
}
