package vitrina.generator.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vitrina.generator.build.Build;

/**
 * The client side of {@code vitrina build --daemon} (or {@code VITRINA_DAEMON=1}): runs the build in the work
 * folder's {@link BuildDaemon}, starting one when there is none for this setting, and shows its output and exit code
 * as if the build ran here. When no daemon can be started or reached before the build begins, the build runs in this
 * JVM as usual.
 */
final class DaemonClient {
    static final String OPTION = "--daemon";
    static final String ENV = "VITRINA_DAEMON";
    /**
     * The daemon's collector unless the options choose one. The parallel collector has no concurrent threads and
     * lighter write barriers than G1: on two cores, rebuilds after a 1% edit of 10,000 stands in a daemon took
     * 4.1–5.1 s against 5.2–6.3 s with G1 (the same edits, alternated, rounds 4–8) and its full build 43.4 s against
     * 47.3 s; 50,000 stands built with it in a 1500 MB heap (peak 1,597 MB).
     */
    static final String DAEMON_GC = "-XX:+UseParallelGC";
    /**
     * The daemon's inlining unless the options set it: C2 inlines less deeply. C2 compiles the builds' large methods
     * (the stages, the loaders, the manifest's reader) with their callees inlined, and on two cores its one thread took
     * a core from the build: 17–18 s of a 10,000-stand full build's 80–85 s CPU, 2.1–2.4 s of a 1% edit's 7–8 s.
     * With these limits: 7.7–7.9 s of 61–64 s (full builds in 32.6–34.1 s against 42.3–44.1 s; the rest of the work
     * did not get slower), and 0.7–1.3 s of an edit's 5.1–6.4 s (the same edits, fresh daemons, two runs each).
     */
    static final List<String> DAEMON_INLINING = List.of("-XX:FreqInlineSize=120", "-XX:MaxInlineLevel=7",
            "-XX:InlineSmallCode=1000");
    /** The setsid command, where there is one. */
    private static final Optional<Path> SETSID = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst();
    /** How long a new daemon may take to start listening. */
    static final long START_MILLIS = 60_000;

    private DaemonClient() {
    }

    /** Whether the arguments or the environment ask for the daemon. */
    static boolean requested(String[] args, String env) {
        if ("1".equals(env) || "true".equalsIgnoreCase(env)) {
            return true;
        }
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals(OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** The build's exit code when it ran in the daemon; empty when this JVM should run it. */
    static OptionalInt run(String[] args, PrintStream out, PrintStream err) {
        Optional<Path> workDir = ShortRunJvm.workDir(args);
        if (workDir.isEmpty() || !sendable(args)) {
            return OptionalInt.empty();
        }
        Path work = workDir.get().toAbsolutePath().normalize();
        List<String> jvm = jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String key = key(jvm);
        BuildDaemon.Info info;
        try {
            info = daemon(work, key, jvm, err);
        } catch (IOException e) {
            err.println("vitrina: фоновый процесс сборки не запустился (" + e.getMessage() + "; журнал: "
                    + work.resolve(BuildDaemon.LOG) + "), сборка идёт в этом процессе.");
            return OptionalInt.empty();
        }
        Socket socket;
        try {
            socket = connect(info);
        } catch (IOException e) { // gone since: nothing was sent, the build runs here
            err.println("vitrina: фоновый процесс сборки не отвечает (" + e.getMessage() + "), сборка идёт в этом "
                    + "процессе.");
            return OptionalInt.empty();
        }
        return OptionalInt.of(build(socket, info, work.resolve(BuildDaemon.LOG), args, System.console() != null, out,
                err));
    }

    /** Whether the request can carry the arguments: each goes as modified UTF-8 of at most 65,535 bytes. */
    static boolean sendable(String[] args) {
        if (args.length > BuildDaemon.MAX_ARGS) {
            return false;
        }
        for (String a : args) {
            if (a.length() > 65_535 / 3) { // up to 3 bytes a char: longer ones are checked no further
                return false;
            }
        }
        return true;
    }

    /** The daemon for this work folder and key: the running one, else a new one (a daemon of another key stops). */
    static BuildDaemon.Info daemon(Path work, String key, List<String> jvm, PrintStream err) throws IOException {
        Optional<BuildDaemon.Info> ours = BuildDaemon.Info.running(work).filter(i -> i.key().equals(key));
        if (ours.isPresent()) {
            return ours.get();
        }
        Files.createDirectories(work);
        try (FileChannel lockFile = FileChannel.open(work.resolve(BuildDaemon.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            // another client may have started one while this one waited
            Optional<BuildDaemon.Info> now = BuildDaemon.Info.running(work);
            if (now.filter(i -> i.key().equals(key)).isPresent()) {
                return now.get();
            }
            now.ifPresent(DaemonClient::stop); // another setting's daemon: replaced
            BuildDaemon.Info started = start(work, key, jvm);
            err.println("vitrina: сборки для " + work + " идут в фоновом процессе " + started.pid()
                    + " (остановить: vitrina daemon --stop --work " + work + ").");
            return started;
        }
    }

    /** The daemon's JVM options: the client's, then the daemon's collector and inlining where they choose none. */
    static List<String> daemonOptions(List<String> jvm) {
        List<String> options = new ArrayList<>(jvm);
        if (jvm.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            options.add(DAEMON_GC);
        }
        for (String option : DAEMON_INLINING) {
            String name = option.substring(0, option.indexOf('=') + 1);
            if (jvm.stream().noneMatch(o -> o.startsWith(name))) {
                options.add(option);
            }
        }
        return options;
    }

    private static BuildDaemon.Info start(Path work, String key, List<String> jvm) throws IOException {
        String previous = BuildDaemon.Info.read(work).map(BuildDaemon.Info::token).orElse("");
        List<String> cmd = new ArrayList<>();
        // a session of its own where there is setsid (Linux): closing the terminal the client ran in does not end it
        SETSID.ifPresent(setsid -> cmd.add(setsid.toString()));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(daemonOptions(jvm));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BuildDaemon.class.getName());
        cmd.add(work.toString());
        cmd.add(key);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(BuildDaemon.LOG).toFile());
        ShortRunJvm.cleanEnvironment(pb.environment());
        Process p = pb.start();
        p.getOutputStream().close(); // it reads nothing
        long deadline = System.nanoTime() + START_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Optional<BuildDaemon.Info> info = BuildDaemon.Info.read(work)
                    .filter(i -> !i.token().equals(previous) && i.key().equals(key));
            if (info.isPresent()) {
                return info.get();
            }
            if (!p.isAlive() && p.exitValue() != 0) { // 0: setsid may have forked it off, the file tells
                throw new IOException("он завершился с кодом " + p.exitValue());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroy();
                throw new IOException("прервано");
            }
        }
        p.destroy();
        throw new IOException("он не ответил за " + START_MILLIS / 1000 + " с");
    }

    /** Asks a daemon to stop; true when it said it will. */
    static boolean stop(BuildDaemon.Info info) {
        try (Socket socket = connect(info)) {
            new BuildDaemon.Request(info.token(), true, false, new String[0])
                    .write(new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            return in.readByte() == BuildDaemon.EXIT;
        } catch (IOException e) {
            return false; // not there any more
        }
    }

    private static Socket connect(BuildDaemon.Info info) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), info.port()), 5_000);
        return socket;
    }

    /**
     * Runs the build in the daemon; its output goes to {@code out} and {@code err}. Once the request is sent, the
     * build is the daemon's: a failure after that is reported (exit code 3), never retried here.
     */
    static int build(BuildDaemon.Info info, Path log, String[] args, boolean interactive, PrintStream out,
                     PrintStream err) {
        try {
            return build(connect(info), info, log, args, interactive, out, err);
        } catch (IOException e) {
            err.println("vitrina: фоновый процесс сборки не отвечает (" + e.getMessage() + ").");
            return 3;
        }
    }

    /** {@link #build(BuildDaemon.Info, Path, String[], boolean, PrintStream, PrintStream)} over a connected socket. */
    private static int build(Socket socket, BuildDaemon.Info info, Path log, String[] args, boolean interactive,
                             PrintStream out, PrintStream err) {
        // Ctrl-C here stops the build there: the daemon ends when its client goes away during a build
        Thread hook = new Thread(() -> closeQuietly(socket), "vitrina-daemon-client-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (socket) {
            new BuildDaemon.Request(info.token(), false, interactive, args)
                    .write(new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                byte kind = in.readByte();
                if (kind == BuildDaemon.EXIT) {
                    return in.readInt();
                }
                int length = in.readInt();
                if (length < 0 || length > (1 << 26)) {
                    throw new IOException("damaged answer");
                }
                byte[] text = in.readNBytes(length);
                PrintStream to = kind == BuildDaemon.ERR ? err : out;
                to.write(text, 0, text.length);
                to.flush();
            }
        } catch (EOFException e) {
            err.println("vitrina: фоновый процесс сборки прервался, не закончив сборку (журнал: " + log
                    + "); запустите сборку ещё раз.");
            return 3;
        } catch (IOException e) {
            err.println("vitrina: связь с фоновым процессом сборки прервалась (" + e.getMessage()
                    + "); запустите сборку ещё раз.");
            return 3;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook closes the socket
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed
        }
    }

    /** This JVM's options as the daemon gets them: the marker of a short-run child is not passed on. */
    static List<String> jvmOptions(List<String> inputArguments) {
        return inputArguments.stream().filter(o -> !o.startsWith("-D" + ShortRunJvm.FORKED)).toList();
    }

    /**
     * What a daemon must share with the client to run its build as this JVM would: the Java runtime, class path,
     * JVM options, working folder (relative paths in the arguments), the generator's code and the settings of the
     * environment that reach the build (time zone, locale).
     */
    static String key(List<String> jvm) {
        StringBuilder sb = new StringBuilder();
        sb.append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.class.path")).append('\n')
                .append(String.join("\u0001", jvm)).append('\n')
                .append(System.getProperty("user.dir")).append('\n')
                .append(Build.generatorKey()).append('\n');
        for (String env : List.of("TZ", "LANG", "LC_ALL", "LC_CTYPE", "VITRINA_FORK")) {
            sb.append(env).append('=').append(System.getenv(env)).append('\n');
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
