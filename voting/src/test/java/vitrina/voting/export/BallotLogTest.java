package vitrina.voting.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vitrina.voting.store.VoteStore.LoggedBallot;
import vitrina.voting.store.VoteStore.Tally;
import vitrina.voting.vote.Vote;
import vitrina.voting.vote.VotingPeriod;

class BallotLogTest {
    static final LocalDate D1 = LocalDate.of(2026, 5, 3);
    final List<LoggedBallot> ballots = List.of(
            new LoggedBallot("a1", D1, "2026-05-03T10:15", "s1", "innovation", Vote.Status.COUNTED, null),
            new LoggedBallot("a2", D1, "2026-05-03T10:16", "s2", "innovation", Vote.Status.FLAGGED, "ip.soft_cap"),
            new LoggedBallot("b1", D1.plusDays(1), "2026-05-04T09:00", "s1", "", Vote.Status.COUNTED, null));

    List<BallotLog.Day> chain(List<LoggedBallot> bs) {
        return BallotLog.chain(sink -> bs.forEach(sink), D1.plusDays(1));
    }

    @Test void eachDayCarriesThePreviousDaysHash() {
        List<BallotLog.Day> days = chain(ballots);
        assertEquals(2, days.size());
        assertEquals(BallotLog.GENESIS, days.get(0).prevHash());
        assertEquals(days.get(0).hash(), days.get(1).prevHash());
        assertTrue(days.get(0).complete());
        assertFalse(days.get(1).complete(), "today is still open");
        assertTrue(BallotLog.verify(days));
    }

    @Test void editingThePastChangesEveryLaterHash() {
        List<LoggedBallot> edited = new ArrayList<>(ballots);
        edited.set(1, new LoggedBallot("a2", D1, "2026-05-03T10:16", "s2", "innovation", Vote.Status.COUNTED, null));
        List<BallotLog.Day> original = chain(ballots);
        List<BallotLog.Day> forged = chain(edited);
        assertFalse(original.get(0).hash().equals(forged.get(0).hash()));
        assertFalse(original.get(1).hash().equals(forged.get(1).hash()));
        List<BallotLog.Day> tampered = List.of(new BallotLog.Day(D1, BallotLog.GENESIS, original.get(0).hash(),
                forged.get(0).ballots(), true), original.get(1));
        assertFalse(BallotLog.verify(tampered));
    }

    @Test void dayHashIsSha256OfPrevAndCanonicalLines() throws Exception {
        String text = BallotLog.GENESIS + "\n" + "a1,2026-05-03T10:15,s1,innovation,counted,\n"
                + "a2,2026-05-03T10:16,s2,innovation,flagged,ip.soft_cap\n";
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(d), chain(ballots).get(0).hash());
    }

    @Test void countsExportListsStandsAndViewsSorted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TallyExport(List.of(new Tally("a", "innovation", 5, 1), new Tally("b", "", 2, 0)), Map.of("b", 9L, "a", 3L),
                new VotingPeriod(D1, D1.plusDays(30)), Instant.parse("2026-06-01T00:00:00.123Z")).writeJson(out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"generated\" : \"2026-06-01T00:00:00Z\""), json);
        assertTrue(json.indexOf("\"id\" : \"a\"") < json.indexOf("\"id\" : \"b\""), json);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        OutputStreamWriter w = new OutputStreamWriter(csv, StandardCharsets.UTF_8);
        new TallyExport(List.of(new Tally("a", "x,y", 5, 1)), Map.of(), new VotingPeriod(D1, D1), Instant.EPOCH).writeCsv(w);
        assertEquals("stand,nomination,votes,flagged,views\na,\"x,y\",5,1,0\n", csv.toString(StandardCharsets.UTF_8));
    }
}
