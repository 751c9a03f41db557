package vitrina.generator.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The build daemon behind {@code vitrina build --daemon}: a JVM that stays after a build, so that the next build of
 * the same work folder runs in code the JIT compiler has optimized already instead of starting cold. A rebuild after
 * a small edit spends about a third of its time in a fresh JVM's start, class loading and compilation (measured in
 * the README); the daemon keeps nothing else between builds: every build reads and checks its content, caches and
 * site exactly as a build in a fresh JVM does, so the site is the same byte for byte.
 *
 * <p>One daemon per work folder. It listens on a loopback port chosen by the system; {@code daemon.properties} in
 * the work folder (readable by its owner only) names the port, a random token every request must carry, the
 * process and the key of the setting it was started for (Java, class path, JVM options, working folder, the
 * generator's code: see {@link DaemonClient#key}). A client whose key differs replaces it.
 *
 * <p>It ends by itself when idle for {@link #IDLE} (three hours; {@code -Dvitrina.daemon.idleMinutes}), when the
 * generator's code changed (a rebuilt jar), when its {@code daemon.properties} is gone or names another daemon, on
 * {@code vitrina daemon --stop}, and when a client goes away while its build runs (Ctrl-C): as a build in the
 * client's own JVM would, the build stops there, and the next build removes what it left beside the site.
 */
final class BuildDaemon {
    /** First field of every request: protocol and version. */
    static final String MAGIC = "vitrina-daemon/1";
    static final String FILE = "daemon.properties";
    static final String LOG = "daemon.log";
    static final String LOCK = "daemon.lock";
    static final Duration IDLE = Duration.ofMinutes(Long.getLong("vitrina.daemon.idleMinutes", 180));
    /**
     * After this long without a build the daemon gives most of its heap back (G1 shrinks the heap after a full
     * collection). Not after every build: the next build would have the kernel zero every page again (a second of
     * CPU in a 10,000-stand rebuild, measured).
     */
    static final Duration SHRINK_AFTER = Duration.ofMinutes(2);
    /**
     * Whether the daemon collects its whole heap after each build, once the answer is sent: with the parallel
     * collector (the daemon's unless the options choose another), which keeps the heap it has. What a build leaves
     * is all garbage; collected while the daemon is idle, the next build starts with an empty old generation instead
     * of meeting a full collection in its middle (190 ms at 10,000 stands), and its young collections copy less (A/B
     * over six alternating 1% edits at 10,000 stands: 3.5 s against 3.8 s on average; peak 0.96 GB against 1.26 GB).
     * Not with G1, which would give the heap back, and the next build would have every page zeroed again.
     */
    static final boolean COLLECT_AFTER_BUILD = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
            .stream().anyMatch(gc -> gc.getName().startsWith("PS "));
    /** How often an idle daemon looks whether it should end. */
    static final int CHECK_MILLIS = 5_000;
    /** A request must arrive whole within this time (a stalled or hostile peer is dropped). */
    static final int REQUEST_MILLIS = 10_000;
    /** At most this many arguments, each at most 64 KB (DataInput's UTF limit). */
    static final int MAX_ARGS = 1_000;

    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';

    private final Path work;
    private final String key;
    private final String token;
    private final ServerSocket server;
    private final Supplier<String> generator;
    private final String startedGenerator;
    private final Runnable halt;
    private final AtomicInteger running = new AtomicInteger();
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean stopping;
    /** Whether the heap was given back since the last build. */
    private volatile boolean shrunk = true;

    /**
     * @param generator the generator's current code key (the daemon ends when it changes)
     * @param halt      ends the process while a build runs (its client went away); tests pass their own
     */
    BuildDaemon(Path work, String key, Supplier<String> generator, Runnable halt) throws IOException {
        this.work = work.toAbsolutePath().normalize();
        this.key = key;
        this.generator = generator;
        this.startedGenerator = generator.get();
        this.halt = halt;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(CHECK_MILLIS);
        new Info(server.getLocalPort(), token, ProcessHandle.current().pid(), key).write(this.work);
    }

    /** Started by {@link DaemonClient}: {@code BuildDaemon <work folder> <key>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BuildDaemon <work folder> <key>");
            System.exit(2);
        }
        ignoreHangup();
        vitrina.generator.output.FolderWatch.enableInThisProcess(); // this process lives on between builds
        BuildDaemon daemon = new BuildDaemon(Path.of(args[0]), args[1], vitrina.generator.build.Build::generatorKey,
                () -> {
                    System.err.println("vitrina daemon: the client went away during its build: stopping");
                    Runtime.getRuntime().halt(130);
                });
        System.err.println("vitrina daemon: pid " + ProcessHandle.current().pid() + ", port "
                + daemon.server.getLocalPort() + ", work folder " + daemon.work);
        String reason = daemon.serve();
        daemon.awaitBuilds();
        System.err.println("vitrina daemon: stopping: " + reason);
        System.exit(0);
    }

    /**
     * The terminal the first client ran in may close (SIGHUP to its session) while the daemon serves on: where setsid
     * did not give the daemon a session of its own, the signal is ignored.
     */
    @SuppressWarnings("removal")
    private static void ignoreHangup() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no such signal here (Windows)
        }
    }

    /** Accepts requests until the daemon should end; returns why. */
    String serve() {
        try (server) {
            while (true) {
                try {
                    Socket socket = server.accept();
                    Thread t = new Thread(() -> handle(socket), "vitrina-daemon-request");
                    t.start();
                } catch (SocketTimeoutException e) {
                    // time to look around
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return stopping ? "asked to stop" : "closed";
                    }
                }
                String reason = reasonToEnd();
                if (reason != null) {
                    return reason;
                }
            }
        } catch (IOException e) {
            return "closed";
        }
    }

    /** Why the daemon should end now (null: it should not): only when no build runs. */
    private String reasonToEnd() {
        if (running.get() > 0) {
            return null;
        }
        if (stopping) {
            return "asked to stop";
        }
        long idle = System.nanoTime() - lastUsed;
        if (!shrunk && idle > SHRINK_AFTER.toNanos()) {
            shrunk = true;
            System.gc();
        }
        if (idle > IDLE.toNanos()) {
            return "idle for " + IDLE.toMinutes() + " minutes";
        }
        Optional<Info> info = Info.read(work);
        if (info.isEmpty() || !info.get().token().equals(token)) {
            return work.resolve(FILE) + " is gone or names another daemon";
        }
        if (!generator.get().equals(startedGenerator)) {
            return "the generator's code changed";
        }
        return null;
    }

    /**
     * Stops taking builds: the next client starts a new daemon at once (this one's file is removed), a running build
     * finishes, then the daemon ends.
     */
    void stop() {
        stopping = true;
        try {
            if (Info.read(work).filter(i -> i.token().equals(token)).isPresent()) {
                Files.deleteIfExists(work.resolve(FILE));
            }
        } catch (IOException e) {
            // the next client finds the file naming a daemon that does not answer, and starts another
        }
        if (running.get() == 0) {
            close();
        }
    }

    /** Stops accepting requests (a running build finishes). */
    void close() {
        stopping = true;
        try {
            server.close();
        } catch (IOException e) {
            // closed
        }
    }

    /** Waits until no build runs (after {@link #serve} returned). */
    void awaitBuilds() {
        while (running.get() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Looks around this often when idle (tests shorten it). */
    BuildDaemon checkEvery(int millis) throws IOException {
        server.setSoTimeout(millis);
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    String token() {
        return token;
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(REQUEST_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            Request request = Request.read(in);
            if (request == null || !MessageDigest.isEqual(request.token().getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                return; // not ours: no answer
            }
            Frames frames = new Frames(socket.getOutputStream());
            if (request.stop()) {
                frames.exit(0); // answered first: once stopped, the process may end at any moment
                stop();
                return;
            }
            socket.setSoTimeout(0);
            build(request, in, frames);
        } catch (IOException | RuntimeException e) {
            // a broken or hostile request: dropped, the daemon serves on
        }
    }

    private void build(Request request, InputStream in, Frames frames) throws IOException {
        if (stopping) {
            frames.err("vitrina: фоновый процесс сборки останавливается; запустите сборку ещё раз.\n");
            frames.exit(3);
            return;
        }
        running.incrementAndGet();
        shrunk = false;
        int code;
        try {
            // the client sends nothing more: end of stream means it went away (Ctrl-C, killed)
            boolean[] done = {false};
            Thread watcher = new Thread(() -> {
                try {
                    while (in.read() >= 0) {
                        // ignored
                    }
                } catch (IOException e) {
                    // gone
                }
                synchronized (done) {
                    if (!done[0]) {
                        halt.run();
                    }
                }
            }, "vitrina-daemon-client-watch");
            watcher.setDaemon(true);
            watcher.start();
            try (PrintWriter out = new PrintWriter(frames.writer(OUT), true);
                 PrintWriter err = new PrintWriter(frames.writer(ERR), true)) {
                try {
                    code = Main.run(request.args(), out, err, request.interactive());
                } catch (RuntimeException | Error e) {
                    err.println("vitrina: " + e);
                    code = 3;
                }
            }
            synchronized (done) {
                done[0] = true;
            }
            frames.exit(code);
        } finally {
            int left = running.decrementAndGet();
            lastUsed = System.nanoTime();
            if (stopping && running.get() == 0) {
                close();
            } else if (left == 0 && COLLECT_AFTER_BUILD) {
                System.gc(); // the answer is sent: the client does not wait for it
            }
        }
    }

    /** What the client asks. */
    record Request(String token, boolean stop, boolean interactive, String[] args) {
        /** Null when the stream does not hold a request of this protocol. */
        static Request read(DataInputStream in) throws IOException {
            if (!MAGIC.equals(in.readUTF())) {
                return null;
            }
            String token = in.readUTF();
            String command = in.readUTF();
            if (command.equals("stop")) {
                return new Request(token, true, false, new String[0]);
            }
            if (!command.equals("build")) {
                return null;
            }
            boolean interactive = in.readBoolean();
            int n = in.readInt();
            if (n < 1 || n > MAX_ARGS) {
                return null;
            }
            String[] args = new String[n];
            for (int i = 0; i < n; i++) {
                args[i] = in.readUTF();
            }
            return args[0].equals("build") ? new Request(token, false, interactive, args) : null;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(MAGIC);
            out.writeUTF(token);
            out.writeUTF(stop ? "stop" : "build");
            if (!stop) {
                out.writeBoolean(interactive);
                out.writeInt(args.length);
                for (String a : args) {
                    out.writeUTF(a);
                }
            }
            out.flush();
        }
    }

    /** The answer: frames of standard output and error text, then the exit code. Thread-safe. */
    static final class Frames {
        private final DataOutputStream out;

        Frames(OutputStream out) {
            this.out = new DataOutputStream(new BufferedOutputStream(out));
        }

        synchronized void text(byte kind, byte[] utf8) throws IOException {
            out.writeByte(kind);
            out.writeInt(utf8.length);
            out.write(utf8);
            out.flush();
        }

        void err(String s) throws IOException {
            text(ERR, s.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void exit(int code) throws IOException {
            out.writeByte(EXIT);
            out.writeInt(code);
            out.flush();
        }

        /** A writer whose text goes out as frames of {@code kind} when flushed (and in pieces of 8 KB). */
        Writer writer(byte kind) {
            return new Writer() {
                private final StringBuilder pending = new StringBuilder();

                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    synchronized (pending) {
                        pending.append(cbuf, off, len);
                        if (pending.length() >= 8192) {
                            flush();
                        }
                    }
                }

                @Override
                public void flush() throws IOException {
                    synchronized (pending) {
                        if (!pending.isEmpty()) {
                            text(kind, pending.toString().getBytes(StandardCharsets.UTF_8));
                            pending.setLength(0);
                        }
                    }
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
    }

    /** The daemon's {@code daemon.properties}. */
    record Info(int port, String token, long pid, String key) {
        static Optional<Info> read(Path work) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(work.resolve(FILE))) {
                p.load(in);
                return Optional.of(new Info(Integer.parseInt(p.getProperty("port")), p.getProperty("token"),
                        Long.parseLong(p.getProperty("pid")), p.getProperty("key")))
                        .filter(i -> i.token() != null && i.key() != null);
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // none, or not whole: as if none
            }
        }

        /** The daemon the work folder's file names, while its process runs. */
        static Optional<Info> running(Path work) {
            return read(work).filter(i -> ProcessHandle.of(i.pid()).map(ProcessHandle::isAlive).orElse(false));
        }

        /** Written whole or not at all, readable by its owner only (it holds the token). */
        void write(Path work) throws IOException {
            Files.createDirectories(work);
            Path tmp = Files.createTempFile(work, FILE, ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Windows: the user's profile folder protects it
                }
                Properties p = new Properties();
                p.setProperty("port", Integer.toString(port));
                p.setProperty("token", token);
                p.setProperty("pid", Long.toString(pid));
                p.setProperty("key", key);
                try (var out = Files.newOutputStream(tmp)) {
                    p.store(out, "vitrina build daemon");
                }
                try {
                    Files.move(tmp, work.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, work.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
