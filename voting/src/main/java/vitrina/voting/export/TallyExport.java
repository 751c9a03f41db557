package vitrina.voting.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vitrina.voting.store.VoteStore.Tally;
import vitrina.voting.vote.VotingPeriod;

/**
 * The counts export that {@code vitrina build --votes} reads (format in voting/README.md):
 * {@code {"format":"vitrina-votes/1","generated":...,"period":{...},"stands":[{"id","nomination","votes","flagged"}],
 * "views":[{"id","views"}]}}. Rows are sorted by stand and nomination, so equal data gives equal bytes
 * apart from {@code generated}.
 */
public final class TallyExport {
    public static final String FORMAT = "vitrina-votes/1";
    private static final JsonFactory JSON = new JsonFactory();

    private final List<Tally> tallies;
    private final Map<String, Long> views;
    private final VotingPeriod period;
    private final Instant generated;

    public TallyExport(List<Tally> tallies, Map<String, Long> views, VotingPeriod period, Instant generated) {
        this.tallies = List.copyOf(Objects.requireNonNull(tallies, "tallies"));
        this.views = new java.util.TreeMap<>(Objects.requireNonNull(views, "views"));
        this.period = Objects.requireNonNull(period, "period");
        this.generated = Objects.requireNonNull(generated, "generated").truncatedTo(ChronoUnit.SECONDS);
    }

    public void writeJson(OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("generated", generated.toString());
            g.writeObjectFieldStart("period");
            g.writeStringField("from", period.from().toString());
            g.writeStringField("to", period.to().toString());
            g.writeStringField("timezone", "Europe/Moscow");
            g.writeEndObject();
            g.writeArrayFieldStart("stands");
            for (Tally t : tallies) {
                g.writeStartObject();
                g.writeStringField("id", t.standId());
                g.writeStringField("nomination", t.nomination());
                g.writeNumberField("votes", t.counted());
                g.writeNumberField("flagged", t.flagged());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("views");
            for (Map.Entry<String, Long> e : views.entrySet()) {
                g.writeStartObject();
                g.writeStringField("id", e.getKey());
                g.writeNumberField("views", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code stand,nomination,votes,flagged,views} with a header line; views repeat per nomination row. */
    public void writeCsv(Writer out) {
        try {
            out.write("stand,nomination,votes,flagged,views\n");
            for (Tally t : tallies) {
                out.write(Csv.row(t.standId(), t.nomination(), Long.toString(t.counted()), Long.toString(t.flagged()),
                        Long.toString(views.getOrDefault(t.standId(), 0L))));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
