package vitrina.generator.build;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress of work that starts before its stage is shown (it runs beside an earlier stage): its steps are
 * counted until {@link #shown()}, then given to the progress bar at once, and the later ones as they come. So the
 * earlier stage's count is not advanced by another stage's work.
 */
final class LaterProgress implements BuildOptions.Progress {
    private final BuildOptions.Progress progress;
    private final AtomicInteger early = new AtomicInteger();
    private volatile boolean shown;

    LaterProgress(BuildOptions.Progress progress) {
        this.progress = progress;
    }

    /** The stage is now the one shown (its {@code stage} call was made): the steps counted so far are given. */
    void shown() {
        synchronized (this) {
            shown = true;
        }
        for (int i = early.getAndSet(0); i > 0; i--) {
            progress.step();
        }
    }

    @Override
    public void stage(String name, int total) {
        progress.stage(name, total);
    }

    @Override
    public void step() {
        if (!shown) {
            synchronized (this) {
                if (!shown) {
                    early.incrementAndGet();
                    return;
                }
            }
        }
        progress.step();
    }
}
