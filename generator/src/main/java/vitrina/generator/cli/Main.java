package vitrina.generator.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code vitrina}: exit codes 0 ok, 1 content errors, 2 usage error, 3 fatal. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        java.util.OptionalInt child = ShortRunJvm.run(args); // a rebuild with a warm cache: in a JVM for short runs
        System.exit(child.isPresent() ? child.getAsInt() : run(args, new PrintWriter(System.out, true,
                StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
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
