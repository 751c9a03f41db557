package vitrina.generator.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records of one build read by the next: put, kept, dropped, and never half-written. */
class RecordFileTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cache/records.bin");
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(Optional<byte[]> bytes) {
        return bytes.map(x -> new String(x, StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void recordsPutAreReadByTheNextGenerationAndOnlyThen() {
        try (RecordFile first = RecordFile.open(file(), "gen-1")) {
            assertEquals(0, first.previousCount());
            first.put("stand-1", b("один"));
            first.put("стенд-2", b(""));
            assertEquals(Optional.empty(), first.get("stand-1"), "this build's records count from the next one");
            first.commit();
        }
        try (RecordFile second = RecordFile.open(file(), "gen-1")) {
            assertEquals("один", s(second.get("stand-1")));
            assertEquals("", s(second.get("стенд-2")));
            assertEquals(Optional.empty(), second.get("stand-3"));
        }
    }

    @Test
    void keptRecordsCarryOverAndTheOthersAreDropped() {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A1"));
            r.put("b", b("B1"));
            r.put("c", b("C1"));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.keep("a");
            r.keep("b");
            r.put("b", b("B2")); // replaced after being kept: the later record holds
            r.keep("missing");
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(2, r.previousCount());
            assertEquals("A1", s(r.get("a")));
            assertEquals("B2", s(r.get("b")));
            assertEquals(Optional.empty(), r.get("c"), "neither put nor kept: gone");
        }
    }

    @Test
    void keepRestCarriesOverWhatThisBuildDidNotTouch() {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A1"));
            r.put("b", b("B1"));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A2"));
            r.keepRest();
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals("A2", s(r.get("a")), "the record put in this build is not replaced by the old one");
            assertEquals("B1", s(r.get("b")));
        }
    }

    @Test
    void aBuildThatDoesNotCommitLeavesThePreviousRecords() {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A1"));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A2"));
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals("A1", s(r.get("a")));
        }
        assertFalse(Files.exists(file().resolveSibling("records.bin.next")), "the unfinished generation is deleted");
    }

    @Test
    void anotherHeaderOrADamagedFileReadsAsEmpty() throws IOException {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            IntStream.range(0, 100).forEach(i -> r.put("k" + i, b("value " + i)));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-2")) {
            assertEquals(0, r.previousCount());
        }
        byte[] whole = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(whole, whole.length - 3));
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(0, r.previousCount(), "a truncated file is not half believed");
        }
        Files.write(file(), b("not a record file at all"));
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(0, r.previousCount());
        }
    }

    @Test
    void manyThreadsPutAndKeepAtOnce() {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            IntStream.range(0, 5_000).parallel().forEach(i -> r.put("k" + i, b("v" + i + "x".repeat(i % 50))));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            IntStream.range(0, 5_000).parallel().forEach(i -> {
                if (i % 2 == 0) {
                    r.keep("k" + i);
                }
            });
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(2_500, r.previousCount());
            for (int i = 0; i < 5_000; i += 2) {
                assertArrayEquals(b("v" + i + "x".repeat(i % 50)), r.get("k" + i).orElseThrow());
            }
            assertTrue(r.get("k1").isEmpty());
        }
    }

    @Test
    void aCommitWithNothingLeavesAnEmptyFile() {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A"));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(0, r.previousCount());
        }
    }

    @Test
    void aRebuildAppendsWhatChangedInsteadOfCopyingEveryRecord() throws IOException {
        byte[] big = new byte[2_000];
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            IntStream.range(0, 1_000).forEach(i -> r.put("k" + i, big));
            r.commit();
        }
        long before = Files.size(file());
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            IntStream.range(1, 1_000).forEach(i -> r.keep("k" + i)); // k0 dropped
            r.put("k1", b("changed"));
            r.commit();
        }
        long grown = Files.size(file()) - before;
        assertTrue(grown > 0 && grown < 100, "one record, one tombstone and a mark appended: " + grown + " bytes");
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(999, r.previousCount());
            assertTrue(r.get("k0").isEmpty());
            assertEquals("changed", s(r.get("k1")));
            assertArrayEquals(big, r.get("k999").orElseThrow());
        }
    }

    @Test
    void aGenerationCutShortCountsForNothingAndIsCutOffByTheNextCommit() throws IOException {
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A1"));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            r.put("a", b("A2"));
            r.commit();
        }
        byte[] whole = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(whole, whole.length - 4)); // killed before its mark was whole
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals("A1", s(r.get("a")), "the last whole generation");
            r.keep("a");
            r.put("b", b("B"));
            r.commit();
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals("A1", s(r.get("a")));
            assertEquals("B", s(r.get("b")));
        }
    }

    @Test
    void theFileIsCompactedOnceItHoldsMoreThanTwiceWhatIsLive() throws IOException {
        byte[] big = new byte[300_000];
        for (int build = 0; build < 20; build++) {
            try (RecordFile r = RecordFile.open(file(), "gen-1")) {
                big[0] = (byte) build;
                r.put("only", big);
                r.commit();
            }
            assertTrue(Files.size(file()) <= 2 * 300_000 + (1 << 20) + 1_000, "build " + build + ": "
                    + Files.size(file()));
        }
        try (RecordFile r = RecordFile.open(file(), "gen-1")) {
            assertEquals(19, r.get("only").orElseThrow()[0]);
            assertEquals(1, r.previousCount());
        }
    }
}
