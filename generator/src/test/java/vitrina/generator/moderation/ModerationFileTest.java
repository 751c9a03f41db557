package vitrina.generator.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModerationFileTest {
    @TempDir
    Path dir;

    private static final String ORIGINAL = """
            # Решения модерации. Не удаляйте комментарии!
            round: 3
            date: 2026-05-10   # дата заседания
            stands:
              sochi-school-12:   { status: approved, version: "sha256:5f0c" }   # версия закреплена
              vladimir-gym-5:
                status: changes-requested
                comment: "Добавьте номер лицензии"
              spam-stand:        { status: rejected, comment: "Не относится к конкурсу" }
            # хвост файла
            """;

    private ModerationFile file() throws Exception {
        Path f = dir.resolve("moderation.yaml");
        Files.writeString(f, ORIGINAL);
        return ModerationFile.open(f);
    }

    @Test
    void replacesABlockEntryAndKeepsEveryCommentAndOtherEntry() throws Exception {
        String text = file().set("vladimir-gym-5", new ModerationFile.Decision("approved", "sha256:abc", null)).text();
        assertEquals("""
                # Решения модерации. Не удаляйте комментарии!
                round: 3
                date: 2026-05-10   # дата заседания
                stands:
                  sochi-school-12:   { status: approved, version: "sha256:5f0c" }   # версия закреплена
                  vladimir-gym-5: { status: approved, version: "sha256:abc" }
                  spam-stand:        { status: rejected, comment: "Не относится к конкурсу" }
                # хвост файла
                """, text);
    }

    @Test
    void replacesAFlowEntryKeepingItsTrailingComment() throws Exception {
        String text = file().set("sochi-school-12",
                new ModerationFile.Decision("changes-requested", null, "Уберите фото с \"лицами\"")).text();
        assertEquals("  sochi-school-12: { status: changes-requested, comment: \"Уберите фото с \\\"лицами\\\"\" }"
                + "   # версия закреплена", text.lines().toList().get(4));
    }

    @Test
    void addsANewStandAfterTheLastEntry() throws Exception {
        String text = file().set("new-stand", new ModerationFile.Decision("rejected", null, "Пусто")).text();
        assertEquals("  new-stand: { status: rejected, comment: \"Пусто\" }", text.lines().toList().get(9));
        assertEquals("# хвост файла", text.lines().toList().get(10));
    }

    @Test
    void createsTheFileWhenAbsentAndReadsDecisionsBack() {
        ModerationFile f = ModerationFile.open(dir.resolve("moderation.yaml"));
        f.setRound(1, "2026-09-10").set("a", new ModerationFile.Decision("approved", "sha256:1", null)).save();
        ModerationFile again = ModerationFile.open(dir.resolve("moderation.yaml"));
        assertEquals("approved", again.decisions().get("a").status());
        assertEquals("sha256:1", again.decisions().get("a").version());
        assertEquals("round: 1", again.text().lines().findFirst().orElseThrow());
    }

    @Test
    void updatesRoundAndDateInPlace() throws Exception {
        String text = file().setRound(4, "2026-06-01").text();
        assertEquals("round: 4", text.lines().toList().get(1));
        assertEquals("date: 2026-06-01   # дата заседания", text.lines().toList().get(2));
    }
}
