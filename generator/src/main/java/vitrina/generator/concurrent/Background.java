package vitrina.generator.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Work a build runs beside its stages, each piece on a daemon thread of its own (not the common pool, whose
 * workers the stages keep busy and which the piece itself may use), and the wait for it.
 */
public final class Background {
    private Background() {
    }

    /** Runs each task on a new daemon thread named {@code name}. */
    public static Executor thread(String name) {
        return work -> {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Waits until background work has ended, however it ended (its failure is left to {@link #join}). */
    public static void settle(CompletableFuture<?> work) {
        work.handle((result, failure) -> null).join();
    }

    /** The result of background work; its failure is thrown as it was thrown there. */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
