package vitrina.generator.ingest;

import java.util.List;

/**
 * What an ingest run did with each upload.
 *
 * @param accepted uploads that became stand folders
 * @param rejected uploads moved to quarantine, with the reason
 */
public record IngestReport(List<Accepted> accepted, List<Rejected> rejected) {
    public IngestReport {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /** An upload now at {@code content/stands/<standId>/}; {@code notes} say what was converted or renamed. */
    public record Accepted(String upload, String standId, int files, List<String> notes) {
    }

    /** An upload moved to quarantine with a report beside it. */
    public record Rejected(String upload, String code, String message, String hint) {
    }
}
