package vitrina.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.TestSites;

class BuildDaemonTest {
    @TempDir
    Path dir;

    private final List<BuildDaemon> daemons = new ArrayList<>();
    private final List<Long> processes = new ArrayList<>();

    @AfterEach
    void stopDaemons() {
        daemons.forEach(BuildDaemon::close);
        for (long pid : processes) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A daemon serving on a thread of this JVM; {@code halted} is set where the real one would end its process. */
    private record Running(BuildDaemon daemon, CompletableFuture<String> ended, AtomicBoolean halted) {
        BuildDaemon.Info info(Path work) {
            return BuildDaemon.Info.read(work).orElseThrow();
        }
    }

    private Running start(Path work, AtomicReference<String> generator) throws IOException {
        AtomicBoolean halted = new AtomicBoolean();
        BuildDaemon daemon = new BuildDaemon(work, "key-1", generator::get, () -> halted.set(true)).checkEvery(100);
        daemons.add(daemon);
        CompletableFuture<String> ended = CompletableFuture.supplyAsync(daemon::serve);
        return new Running(daemon, ended, halted);
    }

    private record Output(int code, String out, String err) {
    }

    private static Output build(BuildDaemon.Info info, Path log, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DaemonClient.build(info, log, args, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] buildArgs(Path content, Path out, Path work, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(), "--out", out.toString(),
                "--work", work.toString(), "--default-theme", TestSites.defaultTheme().toString(), "--daemon"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void buildsInTheDaemonGiveTheSiteAndTheOutputOfABuildHere() throws Exception {
        Path work = dir.resolve("work");
        Running d = start(work, new AtomicReference<>("g1"));
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Output first = build(d.info(work), work.resolve("daemon.log"), buildArgs(content, dir.resolve("site"), work));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Стендов опубликовано"), first.out());
        assertTrue(first.out().contains("• Чтение и подготовка стендов"), "plain progress lines: " + first.out());

        // the same build in this JVM, into another site
        java.io.StringWriter here = new java.io.StringWriter();
        int code = Main.run(buildArgs(content, dir.resolve("site2"), dir.resolve("work2")),
                new java.io.PrintWriter(here), new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, code);
        assertEquals(Files.readString(dir.resolve("work2/report/manifest.json")),
                Files.readString(work.resolve("report/manifest.json")));

        // a second build in the same daemon: nothing changed, nothing written
        Output second = build(d.info(work), work.resolve("daemon.log"), buildArgs(content, dir.resolve("site"), work));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("добавлено 0, изменено 0, удалено 0"), second.out());

        // an error in the content: the exit code and the problem come through
        Files.writeString(content.resolve("site.yaml"), "title: [unclosed\n", StandardCharsets.UTF_8);
        Output broken = build(d.info(work), work.resolve("daemon.log"), buildArgs(content, dir.resolve("site"), work));
        assertEquals(3, broken.code(), broken.out() + broken.err());
        assertTrue(broken.out().contains("site.yaml"), broken.out());
        assertFalse(d.halted().get());
        assertFalse(d.ended().isDone());
    }

    @Test
    void itsFileIsTheOwnersAndHostileOrForeignRequestsGetNoAnswer() throws Exception {
        Path work = dir.resolve("work");
        Running d = start(work, new AtomicReference<>("g1"));
        assertEquals(PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(work.resolve(BuildDaemon.FILE)));
        BuildDaemon.Info info = d.info(work);
        List<byte[]> requests = new ArrayList<>();
        requests.add("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        requests.add(request(BuildDaemon.MAGIC, "wrong-token", "build", 1, "build"));
        requests.add(request(BuildDaemon.MAGIC, info.token(), "serve", 1, "serve"));
        requests.add(request(BuildDaemon.MAGIC, info.token(), "build", 1, "serve"));
        requests.add(request(BuildDaemon.MAGIC, info.token(), "build", -5));
        requests.add(request(BuildDaemon.MAGIC, info.token(), "build", Integer.MAX_VALUE));
        requests.add(new byte[] {0, 16, 'v'}); // cut short
        for (byte[] r : requests) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), info.port())) {
                s.setSoTimeout(BuildDaemon.REQUEST_MILLIS + 5_000);
                s.getOutputStream().write(r);
                s.shutdownOutput();
                assertEquals(-1, s.getInputStream().read(), new String(r, StandardCharsets.ISO_8859_1));
            }
        }
        // a wrong token cannot stop it either
        assertFalse(DaemonClient.stop(new BuildDaemon.Info(info.port(), "wrong", info.pid(), info.key())));
        Path content = TestSites.copy(TestSites.fixture("mini"), dir.resolve("content"));
        Output ok = build(info, work.resolve("daemon.log"), buildArgs(content, dir.resolve("site"), work));
        assertEquals(0, ok.code(), ok.err());
        assertFalse(d.ended().isDone());
    }

    private static byte[] request(String magic, String token, String command, int n, String... args)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(magic);
        out.writeUTF(token);
        out.writeUTF(command);
        out.writeBoolean(false);
        out.writeInt(n);
        for (String a : args) {
            out.writeUTF(a);
        }
        return bytes.toByteArray();
    }

    @Test
    void aClientGoneDuringItsBuildEndsTheDaemon() throws Exception {
        Path work = dir.resolve("work");
        Running d = start(work, new AtomicReference<>("g1"));
        Path content = TestSites.copy(TestSites.demoContent(), dir.resolve("content"));
        BuildDaemon.Info info = d.info(work);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), info.port())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            new BuildDaemon.Request(info.token(), false, false, buildArgs(content, dir.resolve("site"), work))
                    .write(out);
            // the first frame: the build has begun
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertNotEquals(BuildDaemon.EXIT, in.readByte());
        } // gone (as with Ctrl-C)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!d.halted().get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(d.halted().get(), "the daemon ends its process when the client goes away during a build");
        d.daemon().awaitBuilds(); // here the build goes on: not left writing into the folder being deleted
    }

    @Test
    void itEndsWhenStoppedWhenTheGeneratorChangesOrWhenItsFileNamesAnother() throws Exception {
        Path work = dir.resolve("work");
        Running stopped = start(work, new AtomicReference<>("g1"));
        assertTrue(DaemonClient.stop(stopped.info(work)));
        assertEquals("asked to stop", stopped.ended().get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(work.resolve(BuildDaemon.FILE)), "the next client starts another at once");

        AtomicReference<String> generator = new AtomicReference<>("g1");
        Running rebuilt = start(work, generator);
        generator.set("g2"); // the jar was rebuilt
        assertEquals("the generator's code changed", rebuilt.ended().get(10, TimeUnit.SECONDS));

        Running replaced = start(work, new AtomicReference<>("g1"));
        Running newer = start(work, new AtomicReference<>("g1")); // writes its own file over the first one's
        assertTrue(replaced.ended().get(10, TimeUnit.SECONDS).contains("names another daemon"));
        assertFalse(newer.ended().isDone());
    }

    @Test
    void theKeyTellsSettingsApartAndTheOptionOrEnvironmentAsksForTheDaemon() {
        assertNotEquals(DaemonClient.key(List.of("-Xmx1g")), DaemonClient.key(List.of("-Xmx2g")));
        assertEquals(DaemonClient.key(List.of("-Xmx1g")), DaemonClient.key(List.of("-Xmx1g")));
        assertEquals(List.of("-Xmx1g"), DaemonClient.jvmOptions(List.of("-Xmx1g", "-Dvitrina.forked=true")));
        // the daemon's collector and inlining unless the client's options choose their own
        List<String> defaults = new java.util.ArrayList<>(List.of("-Xmx1g", DaemonClient.DAEMON_GC));
        defaults.addAll(DaemonClient.DAEMON_INLINING);
        assertEquals(defaults, DaemonClient.daemonOptions(List.of("-Xmx1g")));
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MaxInlineLevel=15", "-XX:FreqInlineSize=120",
                "-XX:InlineSmallCode=1000"), DaemonClient.daemonOptions(List.of("-XX:+UseG1GC",
                "-XX:MaxInlineLevel=15")));
        assertTrue(DaemonClient.requested(new String[] {"build", "--daemon"}, null));
        assertTrue(DaemonClient.requested(new String[] {"build"}, "1"));
        assertFalse(DaemonClient.requested(new String[] {"build"}, null));
        assertFalse(DaemonClient.requested(new String[] {"build", "--", "--daemon"}, "0"));
        // what the request cannot carry is built in the client's own JVM
        assertTrue(DaemonClient.sendable(new String[] {"build", "--out", "сайт"}));
        assertFalse(DaemonClient.sendable(new String[] {"build", "--out", "я".repeat(30_000)}));
        assertTrue(DaemonClient.run(new String[] {"build", "--out", "я".repeat(30_000), "--daemon"},
                System.out, System.err).isEmpty());
    }

    /** As a person runs it: the first build starts the daemon, the second runs in it, the same site; then stopped. */
    @Test
    void theCliStartsTheDaemonReusesItAndStopsIt() throws Exception {
        Path out = dir.resolve("site");
        Path work = dir.resolve(".vitrina");
        List<String> args = List.of("build", "--content", TestSites.fixture("mini").toString(), "--out",
                out.toString(), "--default-theme", TestSites.defaultTheme().toString(), "--quiet", "--daemon");
        Run first = cli(args);
        Optional<BuildDaemon.Info> started = BuildDaemon.Info.read(work);
        started.ifPresent(i -> processes.add(i.pid()));
        assertEquals(0, first.code, first.output);
        assertTrue(first.output.contains("Стендов опубликовано"), first.output);
        assertTrue(started.isPresent());
        // its command line (Linux; ProcessHandle.Info leaves out a command line as long as the test's class path)
        List<String> daemonArgs = List.of(new String(Files.readAllBytes(Path.of("/proc", started.get().pid()
                + "", "cmdline")), StandardCharsets.UTF_8).split("\0"));
        assertTrue(daemonArgs.contains(DaemonClient.DAEMON_GC) && daemonArgs.contains("-Xmx256m")
                        && daemonArgs.containsAll(DaemonClient.DAEMON_INLINING),
                "the client's options, the daemon's collector and inlining: " + daemonArgs);
        String manifest = Files.readString(work.resolve("report/manifest.json"));
        // the terminal the first build ran in is closed: the daemon serves on
        Process hangup = new ProcessBuilder("kill", "-HUP", Long.toString(started.get().pid())).start();
        assertEquals(0, hangup.waitFor());
        Thread.sleep(300);
        Run second = cli(args);
        assertEquals(0, second.code, second.output);
        assertEquals(started, BuildDaemon.Info.read(work), "the second build ran in the same daemon");
        assertEquals(manifest, Files.readString(work.resolve("report/manifest.json")));
        Run status = cli(List.of("daemon", "--out", out.toString()));
        assertTrue(status.output.contains("работает: процесс " + started.get().pid()), status.output);
        Run stop = cli(List.of("daemon", "--stop", "--out", out.toString()));
        assertEquals(0, stop.code, stop.output);
        ProcessHandle daemon = ProcessHandle.of(started.get().pid()).orElse(null);
        if (daemon != null) {
            daemon.onExit().get(30, TimeUnit.SECONDS);
        }
        assertTrue(cli(List.of("daemon", "--out", out.toString())).output.contains("не запущен"));
    }

    private record Run(int code, String output) {
    }

    private Run cli(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().remove(DaemonClient.ENV);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        return new Run(p.exitValue(), output);
    }
}
