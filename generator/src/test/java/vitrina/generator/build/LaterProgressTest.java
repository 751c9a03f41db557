package vitrina.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LaterProgressTest {
    @Test
    void stepsBeforeTheStageIsShownAreGivenWhenItIs() {
        List<String> events = new ArrayList<>();
        BuildOptions.Progress bar = new BuildOptions.Progress() {
            @Override
            public void stage(String name, int total) {
                events.add("stage " + name + " " + total);
            }

            @Override
            public void step() {
                events.add("step");
            }
        };
        LaterProgress later = new LaterProgress(bar);
        later.step();
        later.step();
        bar.stage("earlier", 5);
        assertEquals(List.of("stage earlier 5"), events, "the earlier stage's count is left alone");
        later.stage("later", 3);
        later.shown();
        later.step();
        assertEquals(List.of("stage earlier 5", "stage later 3", "step", "step", "step"), events);
    }

    @Test
    void noStepIsLostWhileTheStageIsShownFromAnotherThread() {
        AtomicInteger steps = new AtomicInteger();
        BuildOptions.Progress bar = new BuildOptions.Progress() {
            @Override
            public void stage(String name, int total) {
            }

            @Override
            public void step() {
                steps.incrementAndGet();
            }
        };
        LaterProgress later = new LaterProgress(bar);
        Thread shower = new Thread(later::shown);
        shower.start();
        IntStream.range(0, 100_000).parallel().forEach(i -> later.step());
        try {
            shower.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        later.shown(); // a second call finds nothing left to give
        assertEquals(100_000, steps.get());
    }
}
