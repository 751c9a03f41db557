package vitrina.generator.build;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Times the stages of a build in execution order. */
final class StageTimer {
    private final Map<String, Duration> stages = new LinkedHashMap<>();
    private final BuildOptions.Progress progress;

    StageTimer(BuildOptions.Progress progress) {
        this.progress = progress;
    }

    <T> T time(String stage, int total, Supplier<T> work) {
        progress.stage(stage, total);
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            stages.merge(stage, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
        }
    }

    void time(String stage, int total, Runnable work) {
        time(stage, total, () -> {
            work.run();
            return null;
        });
    }

    Map<String, Duration> stages() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }
}
