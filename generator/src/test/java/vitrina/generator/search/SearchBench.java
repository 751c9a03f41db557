package vitrina.generator.search;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.model.StaticPage;

/**
 * Benchmark driver for bench/search.sh: builds the index of N synthetic Russian pages of ~800 words, prints
 * build time, peak heap and index size, and writes the index plus the ground truth (pages holding any form of
 * the checked lemmas) for the Node cold-query simulation. Usage: {@code SearchBench <pages> <outDir>}.
 */
public final class SearchBench {
    static final List<String> LEMMAS = List.of("олимпиад", "школ", "методик");

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        SyntheticCorpus corpus = new SyntheticCorpus(42);
        List<String> texts = new ArrayList<>(pages);
        Random random = new Random(7);
        for (int i = 0; i < pages; i++) {
            texts.add(corpus.page(random, 800));
        }
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        SearchIndexBuilder builder = new SearchIndexBuilder();
        IntStream.range(0, pages).parallel().forEach(i -> {
            String text = texts.get(i);
            String title = text.substring(0, text.indexOf(' ', 40) < 0 ? 40 : text.indexOf(' ', 40));
            builder.addPage(new StaticPage(String.format("page-%06d", i), title, 100, "pages/p.md", text, 1),
                    new RenderedMarkdown("", text, List.of()));
        });
        SortedMap<String, byte[]> files = builder.files();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeap();
        long bytes = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = out.resolve("search").resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
            bytes += f.getValue().length;
        }
        Files.writeString(out.resolve("truth.json"), truth(texts));
        System.out.printf("pages: %d%nindex build: %.1f s%npeak heap: %d MiB%nindex: %d files, %.1f MiB%n",
                pages, seconds, peak >> 20, files.size(), bytes / 1048576.0);
    }

    /** For each lemma, the ids (page order = doc order) of pages containing any form of it. */
    private static String truth(List<String> texts) {
        StringBuilder sb = new StringBuilder("{");
        for (String lemma : LEMMAS) {
            sb.append(sb.length() > 1 ? "," : "");
            vitrina.generator.model.JsonText.quote(sb, lemma).append(":[");
            TreeSet<Integer> ids = new TreeSet<>();
            for (int i = 0; i < texts.size(); i++) {
                for (String w : RussianText.words(texts.get(i))) {
                    if (RussianText.stem(w).equals(lemma)) {
                        ids.add(i);
                        break;
                    }
                }
            }
            StringBuilder list = new StringBuilder();
            ids.forEach(id -> list.append(list.length() > 0 ? "," : "").append(id));
            sb.append(list).append(']');
        }
        return sb.append('}').toString();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
