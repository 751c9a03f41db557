package vitrina.generator.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import vitrina.generator.build.BuildOptions;

/**
 * Shows build progress: a redrawn bar with the stage name and counts on a terminal, plain lines elsewhere (CI logs).
 */
final class ProgressBar implements BuildOptions.Progress {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private volatile String stage = "";
    private volatile int total;
    private volatile long lastDraw;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void stage(String name, int total) {
        finishLine();
        this.stage = name;
        this.total = total;
        this.done.set(0);
        if (!terminal) {
            out.println("• " + name + (total > 0 ? " (" + total + ")" : ""));
        } else {
            draw();
        }
    }

    @Override
    public void step() {
        int n = done.incrementAndGet();
        if (!terminal) {
            if (total >= 1000 && n % (total / 10) == 0) {
                out.println("  " + n + " / " + total);
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw > 100_000_000L || n == total) {
            lastDraw = now;
            synchronized (this) {
                draw();
            }
        }
    }

    private void draw() {
        int n = Math.min(done.get(), Math.max(total, 0));
        String bar = "";
        if (total > 0) {
            int filled = (int) ((long) WIDTH * n / total);
            bar = " [" + "█".repeat(filled) + "░".repeat(WIDTH - filled) + "] " + n + "/" + total;
        }
        out.print("\r\033[K" + stage + bar);
        out.flush();
    }

    synchronized void finishLine() {
        if (terminal && !stage.isEmpty()) {
            out.print("\r\033[K");
            out.println("✓ " + stage + (total > 0 ? " (" + total + ")" : ""));
        }
        stage = "";
    }
}
