package vitrina.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a long-lived process (the build daemon) learns from the kernel about a folder tree (the site folder, the stand
 * folders) between its builds, so that a build need not lstat hundreds of thousands of files and folders to find that
 * they are as the previous build left them. The folders are watched (inotify on Linux, through {@link WatchService}:
 * elsewhere the JDK polls, and the daemon does without); the watch counts
 * every change to a folder's entries, and to the files in it, in <i>generations</i>: a generation begins when a build
 * begins ({@link #begin}), and every change the kernel reported before that call is counted in the generation before
 * (a cookie file is written and its own change awaited, as Watchman does, so that no report is still on its way).
 *
 * <p>A build then trusts a folder ({@link View#quiet}) when all of these hold, and checks it as before otherwise:
 * <ul>
 * <li>the previous build committed the state the build expects ({@link #committed}: the same manifest key, say) and
 *     began the generation just ended: what it left is what that state says;</li>
 * <li>the folder, and every folder above it up to the root, was watched from before that build began, and the root is
 *     still the same folder (same inode); a watch follows its folder, so a folder moved away or replaced is no longer
 *     watched under its name, nor anything below it;</li>
 * <li>in that generation the kernel reported no change in the folder (an entry added, deleted, renamed, a file
 *     written, truncated or its attributes changed), none to its name in the folder above (each folder above likewise),
 *     and it lost no report (queue overflow).</li>
 * </ul>
 * A change made while a build runs counts for the next build (the build reads the folder as of its beginning, as its
 * lstat would have), and so do the build's own writes: the folders it wrote are checked next time.
 *
 * <p>Watches are a per-user resource of the kernel ({@code fs.inotify.max_user_watches}): the process takes at most
 * that less {@link #RESERVE} for all its watches together, and checks the rest of the folders as without a watch.
 * Registering a watch takes about 35 microseconds; it is done after a build, on one thread for all watches, in the
 * order the builds commit, for the folders not yet watched.
 */
public final class FolderWatch implements AutoCloseable {
    /** Watches kept for other programs of the same user (editors, other watchers) below the kernel's limit. */
    static final int RESERVE = 8_192;
    private static final long SYNC_TIMEOUT_MILLIS = 10_000;
    /** The daemon's watches by folder and cookie folder (one work folder's builds share one). */
    private static final Map<List<Path>, FolderWatch> DAEMON_WATCHES = new ConcurrentHashMap<>();
    private static volatile boolean daemon;
    /** Registers watches for every watch of the process, one list after another, in the order builds hand them. */
    private static final java.util.concurrent.ExecutorService REGISTRAR =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "vitrina-watch-register");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
    /** Watches held by this process (all watches together stay under each one's limit). */
    private static final java.util.concurrent.atomic.AtomicInteger HELD = new java.util.concurrent.atomic.AtomicInteger();
    /** The kernel refused a watch for the user's limit: none asked for until one is freed. */
    private static volatile boolean limitReached;

    private final Path root;
    private final Path cookies;
    private final WatchService service;
    private final WatchKey cookieKey;
    /** No watch is taken while the process holds this many. */
    private final int limit;
    private final Thread consumer;
    /** Watched folder (relative to the root, "" for the root) → its watch. */
    private final java.util.concurrent.ConcurrentSkipListMap<String, Watched> watched =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<WatchKey, Watched> byKey = new ConcurrentHashMap<>();
    /** The last list handed to the registrar: an earlier one still waiting is dropped. */
    private volatile Object latestList;

    // guarded by this
    private long generation;
    /** The changes counted in the current generation. */
    private Changes current = new Changes();
    /** Cookie name → the begin() waiting for it. */
    private final Map<String, CompletableFuture<Void>> pendingCookies = new HashMap<>();
    private long cookieCount;
    /** The generation the last committed build began, and the key of the state it committed (null: none). */
    private long committedGeneration = -1;
    private String committedManifest;
    private long rootInode = -1;
    private volatile boolean closed;

    /** One watched folder. */
    private record Watched(String folder, WatchKey key, long since) {
    }

    /** The changes of one generation: folders changed inside, and names changed per folder. */
    private static final class Changes {
        final Set<String> folders = new HashSet<>();
        final Set<String> entries = new HashSet<>(); // "folder\0name"
        boolean overflow;
    }

    private FolderWatch(Path root, Path cookies, int limit) throws IOException {
        this.root = root;
        this.cookies = cookies;
        this.limit = limit;
        Files.createDirectories(cookies);
        try (var old = Files.newDirectoryStream(cookies)) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
        this.service = FileSystems.getDefault().newWatchService();
        this.cookieKey = cookies.register(service, StandardWatchEventKinds.ENTRY_CREATE);
        this.consumer = new Thread(this::consume, "vitrina-watch-events");
        consumer.setDaemon(true);
        consumer.start();
    }

    /** Makes {@link #inDaemon} give watches in this process (the build daemon: it lives on between builds). */
    public static void enableInThisProcess() {
        daemon = true;
    }

    /** Closes every watch of this process and gives no more (for tests). */
    public static void disableInThisProcess() {
        daemon = false;
        DAEMON_WATCHES.values().forEach(FolderWatch::close);
        DAEMON_WATCHES.clear();
    }

    /**
     * The watch of the folder {@code root} with its cookies in {@code cookies} (a folder of the work folder's) in this
     * process, opened on first use; null when this process is not the daemon, or the platform gives no watch.
     */
    public static FolderWatch inDaemon(Path root, Path cookies) {
        // Linux only: elsewhere the JDK's watch service polls every few seconds, and a build would wait for its cookie
        if (!daemon || Boolean.getBoolean("vitrina.watch.off") || !System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        List<Path> key = List.of(root.toAbsolutePath().normalize(), cookies.toAbsolutePath().normalize());
        try {
            return DAEMON_WATCHES.computeIfAbsent(key, k -> {
                try {
                    return open(k.get(0), k.get(1), defaultLimit());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Opens a watch of {@code root}, whose cookies go to {@code cookies} (a folder of its own); no more watches are
     * taken while the process holds {@code limit}.
     */
    static FolderWatch open(Path root, Path cookies, int limit) throws IOException {
        return new FolderWatch(root.toAbsolutePath().normalize(), cookies, limit);
    }

    /** The user's watches the kernel allows less {@link #RESERVE}, or {@code vitrina.watch.max}. */
    static int defaultLimit() {
        Integer set = Integer.getInteger("vitrina.watch.max");
        if (set != null) {
            return set;
        }
        try {
            // one read: Files.readString reads a sysctl file byte by byte, and gets its first byte only
            String text;
            try (var in = Files.newInputStream(Path.of("/proc/sys/fs/inotify/max_user_watches"))) {
                text = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.US_ASCII);
            }
            int max = Integer.parseInt(text.trim());
            return Math.max(0, max - RESERVE);
        } catch (IOException | RuntimeException e) {
            return 8_192;
        }
    }

    /** How many folders are watched now (for tests and reports). */
    public int watchedCount() {
        return watched.size();
    }

    /**
     * Begins a build's generation: waits until every change made before this call is counted, and returns what the
     * build may trust. A view that trusts nothing when the wait fails.
     */
    public View begin() {
        View view = sync();
        lastView = view;
        return view;
    }

    /** The view the last {@link #begin} gave (for tests and figures); null before the first. */
    public View lastView() {
        return lastView;
    }

    private volatile View lastView;

    private View sync() {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        String cookie;
        synchronized (this) {
            cookie = "cookie-" + (++cookieCount);
            pendingCookies.put(cookie, seen);
        }
        Path file = cookies.resolve(cookie);
        try {
            Files.createFile(file);
            seen.get(SYNC_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException | TimeoutException | java.util.concurrent.ExecutionException e) {
            return fresh();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fresh();
        } finally {
            synchronized (this) {
                pendingCookies.remove(cookie);
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // left for the next start
            }
        }
        synchronized (this) {
            // the cookie's report came after every earlier one: the generation ending now is complete
            Changes ended = current;
            long endedGeneration = generation;
            current = new Changes();
            generation++;
            long inode = inode(root);
            String distrust = committedGeneration != endedGeneration || committedManifest == null
                    ? "the previous build did not commit here"
                    : inode != rootInode || inode == -1 ? "the folder was replaced"
                    : ended.overflow ? "reports were lost (queue overflow)" : null;
            log(watched.size() + " folders watched, " + (distrust == null ? ended.folders.size()
                    + " changed since the previous build" : "nothing trusted: " + distrust));
            if (distrust != null) {
                return new View(this, -1, null, null, null);
            }
            return new View(this, endedGeneration, committedManifest, ended.folders, ended.entries);
        }
    }

    /** A line in the daemon's log (its standard error). */
    private void log(String line) {
        if (daemon) {
            System.err.println("vitrina daemon: watch of " + root + ": " + line);
        }
    }

    /** A generation begun without knowing what happened before: its build trusts nothing. */
    private synchronized View fresh() {
        log("nothing trusted: the cookie's report did not come");
        current = new Changes();
        generation++;
        return new View(this, -1, null, null, null);
    }

    /**
     * Records that the build of {@code view} committed the state {@code key} names (a manifest's key, say): the next
     * build may trust what did not change since this one began. Has the folders of {@code files} (paths relative to
     * the root) watched from now on, on a thread of its own; those already watched stay so.
     */
    public void committed(View view, String key, java.util.Collection<String> files) {
        commit(view, key, List.copyOf(files), true);
    }

    /** As {@link #committed}, with the folders to watch given themselves ("" is the root). */
    public void committedFolders(View view, String key, java.util.Collection<String> folders) {
        commit(view, key, List.copyOf(folders), false);
    }

    private void commit(View view, String key, List<String> paths, boolean files) {
        Objects.requireNonNull(view, "view");
        if (view.owner != this) {
            throw new IllegalArgumentException("a view of another watch");
        }
        view.same.clear(); // its answers are the build's: not held until the next
        Object list = new Object();
        synchronized (this) {
            committedGeneration = view.generationOfBuild;
            committedManifest = key;
            rootInode = inode(root);
            latestList = list;
            handed++;
        }
        REGISTRAR.execute(() -> {
            try {
                if (latestList == list && !closed) {
                    watchFolders(files ? foldersOf(paths) : sorted(paths), list);
                }
            } finally {
                synchronized (this) {
                    handled++;
                }
            }
        });
    }

    /** What one build may trust: see {@link FolderWatch}. */
    public static final class View {
        private final FolderWatch owner;
        /** The generation whose changes are known (-1: nothing is trusted). */
        private final long began;
        /** The generation this view's build runs in. */
        private final long generationOfBuild;
        private final String manifest;
        private final Set<String> changedFolders;
        private final Set<String> changedEntries;
        /** Folders found quiet (for tests and figures). */
        private final java.util.concurrent.atomic.AtomicLong quietCount = new java.util.concurrent.atomic.AtomicLong();

        private View(FolderWatch owner, long began, String manifest, Set<String> changedFolders,
                     Set<String> changedEntries) {
            this.owner = owner;
            this.began = began;
            this.generationOfBuild = owner.generation;
            this.manifest = manifest;
            this.changedFolders = changedFolders;
            this.changedEntries = changedEntries;
        }

        /** Whether this view trusts anything for the manifest {@code manifestKey}. */
        public boolean trusts(String manifestKey) {
            return began >= 0 && manifest != null && manifest.equals(manifestKey);
        }

        /**
         * Whether {@code folder} (relative to the site folder, "/"-separated, "" for it) and the files in it are as
         * the previous build left them.
         */
        public boolean quiet(String folder) {
            boolean quiet = answer(folder);
            if (quiet) {
                quietCount.incrementAndGet();
            }
            return quiet;
        }

        private boolean answer(String folder) {
            return began >= 0 && !changedFolders.contains(folder) && same(folder);
        }

        /** Whether the folder at this name is still the one watched (memoized: a folder's files ask again and again). */
        private boolean same(String folder) {
            Boolean known = same.get(folder);
            if (known == null) {
                known = isSame(folder);
                same.put(folder, known);
            }
            return known;
        }

        private final Map<String, Boolean> same = new ConcurrentHashMap<>();

        private boolean isSame(String folder) {
            if (!watchedSince(folder)) {
                return false;
            }
            if (folder.isEmpty()) {
                return true;
            }
            int slash = folder.lastIndexOf('/');
            String parent = slash < 0 ? "" : folder.substring(0, slash);
            // its name in the folder above unchanged, and that folder where it was (so on up to the root)
            return !changedEntries.contains(parent + '\0' + folder.substring(slash + 1)) && same(parent);
        }

        /** How many times {@link #quiet} answered yes. */
        public long quietCount() {
            return quietCount.get();
        }

        private boolean watchedSince(String folder) {
            Watched w = owner.watched.get(folder);
            return w != null && w.since < began;
        }
    }

    /** Takes the reports of the kernel, counting them in the current generation. */
    private void consume() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            handle(key);
            // a key reset with reports pending is queued again, maybe behind a cookie: take every key queued now
            // before a cookie counts as seen
            if (!pendingCookiesSeen.isEmpty()) {
                WatchKey more;
                while ((more = service.poll()) != null) {
                    handle(more);
                }
                synchronized (this) {
                    for (String c : pendingCookiesSeen) {
                        CompletableFuture<Void> f = pendingCookies.get(c);
                        if (f != null) {
                            f.complete(null);
                        }
                    }
                }
                pendingCookiesSeen.clear();
            }
        }
    }

    /** Cookies reported and not yet answered (touched by the consumer thread only). */
    private final List<String> pendingCookiesSeen = new ArrayList<>();

    private void handle(WatchKey key) {
        List<WatchEvent<?>> events = key.pollEvents();
        if (key == cookieKey) {
            for (WatchEvent<?> e : events) {
                if (e.context() instanceof Path p) {
                    pendingCookiesSeen.add(p.toString());
                } else if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    synchronized (this) {
                        current.overflow = true;
                    }
                }
            }
            key.reset();
            return;
        }
        Watched w = byKey.get(key);
        List<String> replaced = new ArrayList<>();
        synchronized (this) {
            for (WatchEvent<?> e : events) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    current.overflow = true;
                } else if (w != null) {
                    if (e.context() instanceof Path p) {
                        current.entries.add(w.folder + '\0' + p);
                        if (e.kind() != StandardWatchEventKinds.ENTRY_MODIFY) { // created, deleted, moved in or out
                            replaced.add(w.folder.isEmpty() ? p.toString() : w.folder + "/" + p);
                        }
                    }
                }
            }
            if (w != null) {
                current.folders.add(w.folder); // a report, whatever it says
            }
        }
        // a watch follows its folder, not the name: what was moved away is watched no more under its old name
        replaced.forEach(this::forget);
        if (!key.reset() && w != null) { // the folder is gone: no longer watched
            forget(w);
        }
    }

    /** Stops watching {@code folder} and every folder below it (their names no longer say what they watch). */
    private void forget(String folder) {
        Watched at = watched.get(folder);
        if (at != null) {
            forget(at);
        }
        for (Watched below : List.copyOf(watched.subMap(folder + "/", folder + "0").values())) { // '0' follows '/'
            forget(below);
        }
    }

    private void forget(Watched w) {
        synchronized (this) {
            current.folders.add(w.folder);
        }
        w.key.cancel();
        if (byKey.remove(w.key, w)) {
            HELD.decrementAndGet();
            limitReached = false; // a watch freed
        }
        watched.remove(w.folder, w);
    }

    /** The folders of these files, and the root, parents before children. */
    private static List<String> foldersOf(List<String> files) {
        Set<String> seen = new HashSet<>();
        List<String> folders = new ArrayList<>();
        for (String path : files) {
            int slash = path.lastIndexOf('/');
            while (slash > 0) {
                String folder = path.substring(0, slash);
                if (!seen.add(folder)) {
                    break;
                }
                folders.add(folder);
                slash = folder.lastIndexOf('/');
            }
        }
        folders.add("");
        return sorted(folders);
    }

    private static List<String> sorted(List<String> folders) {
        List<String> out = new ArrayList<>(folders);
        out.sort(null); // parents before children ("" first)
        return out;
    }

    /** Registers the folders not watched yet, in order, while no later list came and the limit allows. */
    private void watchFolders(List<String> folders, Object list) {
        for (String folder : folders) {
            if (closed || latestList != list) {
                return; // a later build's list replaces this one
            }
            if (watched.containsKey(folder)) {
                continue;
            }
            if (HELD.get() >= limit || limitReached) {
                return;
            }
            Path dir = folder.isEmpty() ? root : root.resolve(folder);
            try {
                WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                long since;
                synchronized (this) {
                    since = generation; // read after the watch exists: counts from this generation on
                }
                Watched w = new Watched(folder, key, since);
                if (byKey.putIfAbsent(key, w) != null) { // the same folder under another name (a link)
                    continue;
                }
                HELD.incrementAndGet();
                watched.put(folder, w);
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("limit")) {
                    limitReached = true; // the kernel's: not asked again until watches are freed
                }
            } catch (RuntimeException e) {
                // not a folder now, or closing: checked without a watch
            }
        }
    }

    /** Lists handed to the registrar, and lists it took (guarded by this; a list replaced unread counts as taken). */
    private long handed;
    private long handled;

    /** The inode of a folder (-1 when it cannot be read: then nothing is trusted). */
    private static long inode(Path dir) {
        try {
            Object ino = Files.getAttribute(dir, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            return ino instanceof Long l ? l : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Waits until the registrar has nothing left to do (for tests). */
    public void awaitRegistered() throws InterruptedException {
        while (true) {
            synchronized (this) {
                if (handled >= handed) {
                    return;
                }
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException ignored) {
            // closing
        }
        consumer.interrupt();
        HELD.addAndGet(-byKey.size());
        byKey.clear();
        watched.clear();
    }
}
