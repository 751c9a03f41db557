package vitrina.generator.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vitrina.generator.model.Material;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Organization;
import vitrina.generator.model.Regions;
import vitrina.generator.model.Stand;
import vitrina.generator.model.StandId;

/** Two stands whose programmes share their text, for the near-duplicate report. */
final class CopyFixture {
    private CopyFixture() {
    }

    static void addTwoStandsSharing(SearchIndexBuilder b, String text) {
        for (String id : List.of("copy-a", "copy-b")) {
            Organization org = new Organization("Школа " + id, "Школа " + id, OrgType.SCHOOL,
                    Regions.requireByCode(23), "Сочи", null, "0", "0", null, 2000, null, null, "");
            Material m = new Material("files/programma.docx", Path.of("/nonexistent"), "programma.docx",
                    "Программа.docx", "Программа развития", "", null, "DOCX", 1, "00");
            Stand stand = new Stand(new StandId(id), org, List.of(), List.of(), List.of(m), List.of(), null, null,
                    "sha256:00", null);
            b.addStand(stand, Map.of(), Map.of(m.path(), text + " " + id),
                    Map.of(m.path(), "/stands/" + id + "/files/programma.docx"));
        }
    }
}
