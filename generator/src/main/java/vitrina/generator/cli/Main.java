package vitrina.generator.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code vitrina}: exit codes 0 ok, 1 content errors, 2 usage error, 3 fatal. */
public final class Main {
    private Main() {
    }

    /** Whether the output goes to a terminal: the daemon sets it for the client it serves on this thread. */
    private static final ThreadLocal<Boolean> INTERACTIVE = new ThreadLocal<>();

    public static void main(String[] args) {
        java.util.OptionalInt child = DaemonClient.requested(args, System.getenv(DaemonClient.ENV))
                ? DaemonClient.run(args, System.out, System.err) // in the work folder's build daemon
                : java.util.OptionalInt.empty();
        if (child.isEmpty()) {
            child = ShortRunJvm.run(args); // a rebuild with a warm cache: in a JVM for short runs
        }
        System.exit(child.isPresent() ? child.getAsInt() : run(args, new PrintWriter(System.out, true,
                StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI for a client whose output does or does not go to a terminal (the build daemon calls this). */
    static int run(String[] args, PrintWriter out, PrintWriter err, boolean interactive) {
        INTERACTIVE.set(interactive);
        try {
            return run(args, out, err);
        } finally {
            INTERACTIVE.remove();
        }
    }

    /** Whether the output goes to a terminal (a progress bar redrawn in place) or not (plain lines). */
    static boolean interactive() {
        Boolean set = INTERACTIVE.get();
        return set != null ? set : System.console() != null;
    }

    /** Runs the CLI with the given streams (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new VitrinaCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("vitrina: " + describe(e));
            if (Boolean.getBoolean("vitrina.debug")) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(подробности: запустите с -Dvitrina.debug=true)");
            }
            return 3;
        });
        return cli.execute(args);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            sb.append("\n  причина: ").append(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
        }
        return sb.toString();
    }
}
