package vitrina.voting.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import vitrina.voting.store.VoteStore.LoggedBallot;

/**
 * The anonymized ballot log, hash-chained by Moscow day. Each ballot is the canonical line
 * {@code vote_id,minute,stand,nomination,status,reason}; a day's hash is
 * {@code SHA-256(prev_hash_hex + "\n" + its lines, each ending in "\n")} with the hex of 32 zero bytes
 * before the first day. Changing any past ballot changes that day's hash and every later one, so a
 * published hash pins the whole history before it.
 */
public final class BallotLog {
    public static final String GENESIS = "0".repeat(64);

    /** One day of the chain. {@code complete} is false for today, whose hash still changes. */
    public record Day(LocalDate day, String prevHash, String hash, List<LoggedBallot> ballots, boolean complete) {}

    private BallotLog() {}

    /** The canonical line that the chain hashes and the CSV publishes. */
    public static String line(LoggedBallot b) {
        return Csv.row(b.voteId(), b.minute(), b.standId(), b.nomination(), b.status().dbName(),
                b.reason() == null ? "" : b.reason());
    }

    /** Builds the chain from ballots ordered by day, minute, vote id (the store's order). */
    public static List<Day> chain(Consumer<Consumer<LoggedBallot>> source, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<Day> days = new ArrayList<>();
        List<LoggedBallot> current = new ArrayList<>();
        LocalDate[] day = {null};
        String[] prev = {GENESIS};
        source.accept(b -> {
            if (day[0] != null && !b.day().equals(day[0])) {
                Day d = close(day[0], prev[0], current, today);
                days.add(d);
                prev[0] = d.hash();
                current.clear();
            }
            day[0] = b.day();
            current.add(b);
        });
        if (day[0] != null) days.add(close(day[0], prev[0], current, today));
        return days;
    }

    private static Day close(LocalDate day, String prev, List<LoggedBallot> ballots, LocalDate today) {
        return new Day(day, prev, hash(prev, ballots), List.copyOf(ballots), day.isBefore(today));
    }

    /** The day hash as defined above; used by the export and by anyone verifying it. */
    public static String hash(String prevHash, List<LoggedBallot> ballots) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((prevHash + "\n").getBytes(StandardCharsets.UTF_8));
            for (LoggedBallot b : ballots) md.update(line(b).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** True when every day's prev hash is the previous day's hash and every hash matches its ballots. */
    public static boolean verify(List<Day> days) {
        String prev = GENESIS;
        for (Day d : days) {
            if (!d.prevHash().equals(prev) || !d.hash().equals(hash(prev, d.ballots()))) return false;
            prev = d.hash();
        }
        return true;
    }
}
