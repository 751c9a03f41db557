package vitrina.voting.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import vitrina.voting.store.VoteStore.LoggedBallot;

/** Writes the chained ballot log as JSON (days with hashes and ballots) or as CSV (ballots, then chain). */
public final class BallotLogWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private BallotLogWriter() {}

    public static void writeJson(List<BallotLog.Day> days, OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", "vitrina-ballots/1");
            g.writeStringField("hash", "sha256(prev + \"\\n\" + lines)");
            g.writeArrayFieldStart("days");
            for (BallotLog.Day d : days) {
                g.writeStartObject();
                g.writeStringField("day", d.day().toString());
                g.writeBooleanField("complete", d.complete());
                g.writeNumberField("count", d.ballots().size());
                g.writeStringField("prev", d.prevHash());
                g.writeStringField("hash", d.hash());
                g.writeArrayFieldStart("ballots");
                for (LoggedBallot b : d.ballots()) {
                    g.writeStartObject();
                    g.writeStringField("id", b.voteId());
                    g.writeStringField("minute", b.minute());
                    g.writeStringField("stand", b.standId());
                    g.writeStringField("nomination", b.nomination());
                    g.writeStringField("status", b.status().dbName());
                    if (b.reason() != null) g.writeStringField("reason", b.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code day,id,minute,stand,nomination,status,reason} rows (exactly the hashed lines after the day). */
    public static void writeBallotsCsv(List<BallotLog.Day> days, Writer out) {
        try {
            out.write("day,id,minute,stand,nomination,status,reason\n");
            for (BallotLog.Day d : days) {
                for (LoggedBallot b : d.ballots()) out.write(d.day() + "," + BallotLog.line(b));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code day,count,complete,prev,hash}: the chain alone, small enough to publish every day. */
    public static void writeChainCsv(List<BallotLog.Day> days, Writer out) {
        try {
            out.write("day,count,complete,prev,hash\n");
            for (BallotLog.Day d : days) {
                out.write(Csv.row(d.day().toString(), Integer.toString(d.ballots().size()),
                        Boolean.toString(d.complete()), d.prevHash(), d.hash()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
