package vitrina.generator.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vitrina.generator.output.FolderWatch;

/**
 * What the build daemon keeps of the stand folders between its builds: which folders the last build loaded into a
 * stand its folder cache record holds (and the folders inside each), and a watch of them (see {@link FolderWatch}). A
 * stand folder the watch finds quiet, every folder in it included, is the folder the last build loaded: its stand is
 * taken from the folder cache without a walk or an lstat of its files. Anything else is loaded as without the daemon.
 * The stands themselves are not kept: at 50,000 stands they would hold about 200 MB between builds, which the
 * collector then pays for in every build.
 *
 * <p>Only what the last build loaded counts (a build that did not commit leaves nothing trusted: the watch says so),
 * and only for the same loader key (site.yaml, contest year) and the same generator (the daemon's own).
 */
public final class ContentMemory {
    /** By content folder and work folder. */
    private static final Map<List<Path>, ContentMemory> MEMORIES = new ConcurrentHashMap<>();
    /** What the watch is committed with: the content as the build loaded it (no manifest of its own). */
    private static final String STATE = "content";

    private final FolderWatch watch;
    /** The last committed build's stands by folder name. */
    private volatile Map<String, Memo> previous = Map.of();
    /** This build's, as they load. */
    private final Map<String, Memo> next = new ConcurrentHashMap<>();
    private volatile FolderWatch.View view;
    private final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();

    /** One folder as a build loaded it: the folders in it, "stands/<id>/…" from the content folder. */
    private record Memo(String loaderKey, List<String> folders) {
    }

    private ContentMemory(FolderWatch watch) {
        this.watch = watch;
    }

    /**
     * The memory of the content folder {@code contentDir} in this process, its watch's cookies under
     * {@code workDir}; null outside the build daemon (see {@link FolderWatch#inDaemon}).
     */
    public static ContentMemory inDaemon(Path contentDir, Path workDir) {
        Path content = contentDir.toAbsolutePath().normalize();
        Path work = workDir.toAbsolutePath().normalize();
        FolderWatch watch = FolderWatch.inDaemon(content, work.resolve("watch").resolve("content"));
        if (watch == null) {
            return null;
        }
        return MEMORIES.compute(List.of(content, work), (k, m) -> m != null && m.watch == watch ? m
                : new ContentMemory(watch));
    }

    /** Begins a build: what changed since the last one began is counted (call before any folder loads). */
    public void begin() {
        next.clear();
        taken.set(0);
        view = watch.begin();
    }

    /** The build loaded every folder: what it loaded is what the next build may take (see {@link FolderWatch}). */
    public void committed() {
        FolderWatch.View v = view;
        if (v == null) {
            return;
        }
        Map<String, Memo> loaded = new HashMap<>(next);
        List<String> folders = new ArrayList<>();
        folders.add("");
        folders.add("stands");
        loaded.values().forEach(m -> folders.addAll(m.folders()));
        previous = loaded;
        watch.committedFolders(v, STATE, folders);
    }

    /** Stands taken as they were in this build (for tests and figures). */
    public int taken() {
        return taken.get();
    }

    /** The watch (for tests). */
    public FolderWatch watch() {
        return watch;
    }

    /**
     * Whether {@code folder} is as the last build loaded it (with this loader key) into the stand its folder cache
     * record holds: quiet, every folder in it included.
     */
    boolean quiet(String folder, String loaderKey) {
        FolderWatch.View v = view;
        Memo memo = previous.get(folder);
        if (v == null || memo == null || !v.trusts(STATE) || !memo.loaderKey().equals(loaderKey)) {
            return false;
        }
        for (String f : memo.folders()) {
            if (!v.quiet(f)) {
                return false;
            }
        }
        taken.incrementAndGet();
        return true;
    }

    /** The folders in {@code folder} as the last build found them (after {@link #quiet} said yes). */
    List<String> previousFolders(String folder) {
        return previous.get(folder).folders();
    }

    /** Records that {@code folder} loaded in this build into the stand its record holds, with these folders. */
    void remember(String folder, String loaderKey, List<String> folders) {
        next.put(folder, new Memo(loaderKey, folders));
    }

    /** The folders of a stand folder scanned as {@code files}, relative to the content folder. */
    static List<String> folders(String folder, StandFolder files) {
        List<String> out = new ArrayList<>(files.folders().size());
        for (String f : files.folders()) {
            out.add(f.isEmpty() ? "stands/" + folder : "stands/" + folder + "/" + f);
        }
        return out;
    }
}
