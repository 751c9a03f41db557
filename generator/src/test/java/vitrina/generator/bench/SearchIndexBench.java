package vitrina.generator.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import vitrina.generator.model.OutputSink;
import vitrina.generator.search.SearchIndexBuilder;
import vitrina.generator.search.SyntheticAnalyzed;

/**
 * Index-build benchmark: adds N synthetic analyzed documents (term ids drawn directly, no text analysis) from all
 * cores, writes the search index to a sink that only counts and hashes it, and prints the add and write times (wall
 * and this process's CPU), the heap (the most used, sampled every 20 ms, and the most still live after a
 * collection, the working set) and a digest of every file name and size (names are content hashes: equal digests,
 * identical index).
 * Usage: {@code SearchIndexBench <docs> [termsPerDoc=1000] [vocabulary=300000]}.
 */
public final class SearchIndexBench {
    private SearchIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int docs = Integer.parseInt(args[0]);
        int termsPerDoc = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int vocabulary = args.length > 2 ? Integer.parseInt(args[2]) : 300_000;
        System.gc();
        HeapWatch heap = new HeapWatch();
        long t0 = System.nanoTime();
        long c0 = cpu();
        Map<String, Integer> sizes = new TreeMap<>();
        long[] bytes = new long[1];
        try (SearchIndexBuilder builder = new SearchIndexBuilder()) {
            new SyntheticAnalyzed(vocabulary, termsPerDoc, 42).addTo(builder, docs, true);
            long t1 = System.nanoTime();
            long c1 = cpu();
            builder.write(new OutputSink() {
                @Override
                public synchronized void write(String path, byte[] content) { // called from two threads
                    sizes.put(path, content.length);
                    bytes[0] += content.length;
                }

                @Override
                public void copy(String path, java.nio.file.Path source) {
                    throw new AssertionError("the index copies nothing");
                }
            });
            long t2 = System.nanoTime();
            long c2 = cpu();
            System.out.printf("docs: %d of ~%d terms, vocabulary %d, heap max %d MiB%n", docs, termsPerDoc,
                    vocabulary, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("add: %.1f s wall, %.1f s cpu (with generating the documents)%n",
                    (t1 - t0) / 1e9, (c1 - c0) / 1e9);
            System.out.printf("write: %.1f s wall, %.1f s cpu%n", (t2 - t1) / 1e9, (c2 - c1) / 1e9);
            heap.stop();
            System.out.printf("heap: peak used %d MiB, peak live after GC %d MiB; gc: %.1f s%n", heap.peakUsed >> 20,
                    heap.peakLive >> 20, gcSeconds());
            System.out.printf("index: %d files, %.1f MiB, digest %s%n", sizes.size(), bytes[0] / 1048576.0,
                    digest(sizes));
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The most heap used (sampled) and the most left after a collection (from the collectors' notifications). */
    private static final class HeapWatch {
        volatile long peakUsed;
        volatile long peakLive;
        private final Thread sampler;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        long live = 0;
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                        for (Map.Entry<String, java.lang.management.MemoryUsage> e
                                : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (HEAP_POOLS.contains(e.getKey())) {
                                live += e.getValue().getUsed();
                            }
                        }
                        synchronized (this) {
                            peakLive = Math.max(peakLive, live);
                        }
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() {
            sampler.interrupt();
        }
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    private static double gcSeconds() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms / 1000.0;
    }

    private static String digest(Map<String, Integer> sizes) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        sizes.forEach((path, size) -> md.update((path + " " + size + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }
}
