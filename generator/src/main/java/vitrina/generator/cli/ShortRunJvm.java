package vitrina.generator.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vitrina.generator.build.Build;

/**
 * Runs {@code vitrina build} in a second JVM tuned for a short run when the build cache is warm.
 *
 * <p>A rebuild after a small edit takes a few seconds, and in a JVM with default settings about a third of its CPU
 * goes to the C2 compiler optimizing code that has finished running before the optimized code is ready (measured
 * with {@code -XX:+CITime}: 8 s of compilation in a 20 s-CPU rebuild of 10,000 stands). The C1 compiler alone
 * ({@code -XX:TieredStopAtLevel=1}) compiles quickly into code good enough for such a run: the rebuild took 7.7 s
 * instead of 10.5 s. A first build, which renders every page, runs for minutes and needs C2's code (C1 alone made
 * it 30% slower): it stays in this JVM, as does every build after the generator changed, since its caches are then
 * cold. The parent only waits for the child: it reads no content, and the child parses the arguments again.
 *
 * <p>The child gets this JVM's options (heap size, agents, system properties) and the C1 setting; it is not
 * started when the options choose a compiler setting already, with {@code -Dvitrina.fork=false}, or with the
 * environment variable {@code VITRINA_FORK=0}.
 */
final class ShortRunJvm {
    /** Marks the child, which must not start another. */
    static final String FORKED = "vitrina.forked";
    /** The child's compiler setting: C1 only. */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private ShortRunJvm() {
    }

    /** Runs the build in a child JVM when that is faster; empty when the caller should run it itself. */
    static OptionalInt run(String[] args) {
        if (System.getProperty(FORKED) != null || "false".equals(System.getProperty("vitrina.fork"))
                || "0".equals(System.getenv("VITRINA_FORK"))) {
            return OptionalInt.empty();
        }
        Optional<Path> work = workDir(args);
        if (work.isEmpty() || Build.warmCache(work.get()).isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<List<String>> command = command(Path.of(System.getProperty("java.home"), "bin", "java"), jvm,
                System.getProperty("java.class.path"), args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(command.get()).inheritIO();
        cleanEnvironment(pb.environment());
        if (Boolean.getBoolean("vitrina.debug")) {
            System.err.println("vitrina: сборка с тёплым кэшем идёт в отдельной JVM: " + String.join(" ", command.get()));
        }
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            return OptionalInt.empty(); // no second JVM: this one builds
        }
        // stopped (Ctrl-C, kill): the child is asked to stop too (what it leaves beside the site, the next build
        // removes)
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vitrina-stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(3);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        }
    }

    /**
     * The child's command line: {@code java}, this JVM's options and the C1 setting, the class path, the main class
     * and the arguments; empty when the options choose a compiler setting or a child was started already.
     */
    static Optional<List<String>> command(Path java, List<String> jvmOptions, String classPath, String[] args) {
        for (String o : jvmOptions) {
            if (o.startsWith("-XX:TieredStopAtLevel") || o.endsWith("TieredCompilation") || o.startsWith("-D" + FORKED)) {
                return Optional.empty();
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.add(C1_ONLY);
        cmd.add("-D" + FORKED + "=true");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** The options from the environment are among the JVM's options already: the child would take them twice. */
    static void cleanEnvironment(Map<String, String> env) {
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
    }

    /**
     * The work folder of a {@code build} command, read from the arguments the way {@link ContentOptions} reads them
     * ({@code --work}, else {@code .vitrina} beside {@code --out}); empty for another command or for help. A guess
     * that only chooses the JVM: the child parses the arguments again, so a wrong guess costs speed, not correctness.
     */
    static Optional<Path> workDir(String[] args) {
        if (args.length == 0 || !args[0].equals("build")) {
            return Optional.empty();
        }
        String out = "site-output";
        String work = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return Optional.empty();
            }
            if ((a.equals("--work") || a.equals("--out")) && i + 1 < args.length) {
                if (a.equals("--work")) {
                    work = args[++i];
                } else {
                    out = args[++i];
                }
            } else if (a.startsWith("--work=")) {
                work = a.substring("--work=".length());
            } else if (a.startsWith("--out=")) {
                out = a.substring("--out=".length());
            }
        }
        try {
            return Optional.of(ContentOptions.workDir(Path.of(out), work == null ? null : Path.of(work)));
        } catch (RuntimeException e) {
            return Optional.empty(); // not a path (picocli reports it), or a site folder without a parent
        }
    }
}
