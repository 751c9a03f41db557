package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vitrina.generator.content.TestSite.has;
import static vitrina.generator.content.TestSite.only;

import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.Material;
import vitrina.generator.model.OrgType;
import vitrina.generator.model.Section;
import vitrina.generator.model.SiteConfig;
import vitrina.generator.model.Stand;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Problems;
import vitrina.generator.problem.Severity;

class ContentLoaderTest {
    @TempDir
    Path dir;

    static Path mini() {
        try {
            return Path.of(ContentLoaderTest.class.getResource("/sites/mini/site.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(LoadResult r) {
        return r.exhibition().stands().stream().map(s -> s.id().value()).collect(Collectors.toList());
    }

    private static String twoStands(String firstYaml, String secondYaml) {
        return "-- site.yaml --\n" + TestSite.SITE_YAML
                + "-- stands/alfa/stand.yaml --\n" + firstYaml + "-- stands/alfa/index.md --\n# Альфа\n"
                + "-- stands/beta/stand.yaml --\n" + secondYaml + "-- stands/beta/index.md --\n# Бета\n";
    }

    @Test
    void loadsTheMiniFixtureWithoutProblems() {
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(mini(), problems);
        assertEquals(List.of(), problems.all());
        assertEquals(List.of("novosibirsk-museum", "sochi-school-12", "vladimir-gymnasium-5"), ids(r));
        SiteConfig site = r.exhibition().site();
        assertEquals("https://ШколаТворчества.РФ/", site.baseUrl());
        assertEquals("https://xn--80aafao1ahxdumhf1eg.xn--p1ai/", site.asciiBaseUrl());
        assertEquals(2, site.nominations().size());
        assertEquals(0.5, site.evaluation().weights().get("experts"));
        assertEquals(LocalDate.of(2026, 5, 1), site.voting().from());
        assertEquals(List.of("about", "contacts"), r.exhibition().pages().stream().map(p -> p.slug()).collect(Collectors.toList()));
        assertEquals("О конкурсе", r.exhibition().pages().get(0).title());
        assertEquals(5, r.exhibition().pages().get(0).bodyLine());
        assertEquals("Контакты", r.exhibition().pages().get(1).title());

        Stand sochi = r.exhibition().stands().get(1);
        assertEquals(OrgType.SCHOOL, sochi.org().type());
        assertEquals(23, sochi.org().region().code());
        assertEquals(List.of("index", "methods"), sochi.sections().stream().map(Section::slug).collect(Collectors.toList()));
        assertEquals("Методики", sochi.sections().get(1).title());
        Material m = sochi.materials().get(0);
        assertEquals("Программа развития 2025–2030", m.title());
        assertEquals("innovation", m.nomination());
        assertEquals("PDF", m.format());
        assertEquals(64, m.sha256().length());
        assertEquals("gallery/01.png", sochi.logo().path());
        assertEquals("Открытие технопарка «Точка роста»", sochi.photos().get(0).caption());
        assertTrue(sochi.version().matches("sha256:[0-9a-f]{64}"));
        assertEquals(LocalDate.of(2026, 3, 10), sochi.approved());

        Stand museum = r.exhibition().stands().get(0);
        assertNull(museum.org().license());
        Material lessons = museum.materials().get(0);
        assertEquals("Программа уроков.pdf", lessons.displayName());
        assertEquals("programma-urokov.pdf", lessons.urlName());
        assertEquals("Программа уроков", lessons.title());
        assertEquals("zal", museum.photos().get(0).urlName());
    }

    @Test
    void failsWhenSiteYamlIsMissing() {
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertNull(r.exhibition());
        assertEquals("site.yaml", only(problems, "site.file.missing").file());
    }

    @Test
    void failsWhenSiteYamlLacksTitle() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML.replace("title: \"Тестовая выставка\"\n", ""));
        Problems problems = Problems.tracking(100);
        assertNull(TestSite.load(dir, problems).exhibition());
        Problem p = only(problems, "site.field.missing");
        assertEquals("site.yaml", p.file());
        assertTrue(p.message().contains("«title»"), p.message());
    }

    @Test
    void reportsInvalidNominationIdInSiteYaml() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "  - { id: Новая, title: \"Новая\" }\n");
        Problems problems = Problems.tracking(100);
        assertNull(TestSite.load(dir, problems).exhibition());
        Problem p = only(problems, "site.nomination.invalid-id");
        assertEquals(7, p.line());
        assertEquals(11, p.column());
    }

    @Test
    void reportsTabIndentationWithLineColumnAndRussianExplanation() {
        TestSite.withStand(dir, TestSite.STAND_YAML + "head:\n\tname: \"Иванов\"\n", "");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        Problem p = only(problems, "yaml.syntax");
        assertEquals("stands/shkola-1/stand.yaml", p.file());
        assertEquals(12, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().contains("табуляц"), p.message());
        assertTrue(r.exhibition().stands().isEmpty());
    }

    @Test
    void leavesBrokenStandOutAndLoadsTheOthers() {
        TestSite.write(dir, twoStands(TestSite.standWith("inn", "inn: \"1234567890\""), TestSite.STAND_YAML));
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals(List.of("beta"), ids(r));
        assertEquals("alfa", r.leftOut().get(0).folder());
        assertTrue(r.leftOut().get(0).reason().startsWith("ошибки в стенде"), r.leftOut().get(0).reason());
        assertEquals("alfa", only(problems, "stand.inn.checksum").standId());
    }

    @Test
    void suggestsLatinIdForCyrillicFolder() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "-- stands/Гимназия №5/stand.yaml --\n"
                + TestSite.STAND_YAML + "-- stands/Гимназия №5/index.md --\n# Гимназия\n");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        Problem p = only(problems, "stand.folder.invalid-id");
        assertEquals("stands/Гимназия №5", p.file());
        assertTrue(p.hint().contains("gimnaziya-5"), p.hint());
        assertEquals("Гимназия №5", r.leftOut().get(0).folder());
    }

    @Test
    void refusesSymbolicLinkInsideStand() throws Exception {
        TestSite.withStand(dir, TestSite.STAND_YAML, "-- secret.txt --\nпароль\n");
        Files.createDirectories(dir.resolve("stands/shkola-1/files"));
        Files.createSymbolicLink(dir.resolve("stands/shkola-1/files/secret.txt"), dir.resolve("secret.txt"));
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        Problem p = only(problems, "stand.symlink");
        assertEquals("stands/shkola-1/files/secret.txt", p.file());
        assertTrue(r.exhibition().stands().isEmpty());
    }

    @Test
    void refusesStandFolderThatIsASymbolicLink() throws Exception {
        TestSite.withStand(dir, TestSite.STAND_YAML, "");
        Files.createSymbolicLink(dir.resolve("stands/kopiya"), dir.resolve("stands/shkola-1"));
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals("stands/kopiya", only(problems, "stand.symlink").file());
        assertEquals(List.of("shkola-1"), ids(r));
    }

    @Test
    void reportsWindows1251StandYamlAsEncodingError() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "-- stands/shkola-1/index.md --\n# Школа\n");
        TestSite.writeBytes(dir, "stands/shkola-1/stand.yaml", TestSite.STAND_YAML.getBytes(Charset.forName("windows-1251")));
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        Problem p = only(problems, "file.encoding");
        assertEquals("stands/shkola-1/stand.yaml", p.file());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("Windows-1251"), p.message());
        assertTrue(p.hint().contains("UTF-8"), p.hint());
        assertTrue(r.exhibition().stands().isEmpty());
    }

    @Test
    void stripsByteOrderMark() {
        TestSite.withStand(dir, "\uFEFF" + TestSite.STAND_YAML, "");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals(0, problems.errorCount(), problems.all().toString());
        assertEquals(1, r.exhibition().stands().size());
    }

    @Test
    void versionIsDeterministicAndFollowsContent(@TempDir Path other) throws Exception {
        String extra = "-- stands/shkola-1/methods.md --\n# Методики\n-- stands/shkola-1/files/plan.txt --\nплан\n";
        TestSite.withStand(dir, TestSite.STAND_YAML, extra);
        TestSite.withStand(other, TestSite.STAND_YAML, extra);
        String first = TestSite.load(dir, Problems.tracking(10)).exhibition().stands().get(0).version();
        assertEquals(first, TestSite.load(dir, Problems.tracking(10)).exhibition().stands().get(0).version());
        assertEquals(first, TestSite.load(other, Problems.tracking(10)).exhibition().stands().get(0).version());
        Files.writeString(other.resolve("stands/shkola-1/files/plan.txt"), "новый план\n");
        assertNotEquals(first, TestSite.load(other, Problems.tracking(10)).exhibition().stands().get(0).version());
    }

    @Test
    void publishesOnlyApprovedStandsWhenModerationExists() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.STAND_YAML)
                + "-- moderation.yaml --\nround: 2\ndate: 2026-04-01\nstands:\n  alfa: { status: approved }\n");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals(List.of("alfa"), ids(r));
        assertEquals(LocalDate.of(2026, 4, 1), r.exhibition().stands().get(0).approved());
        assertEquals(new LoadResult.LeftOut("beta", "ожидает модерации: стенда нет в moderation.yaml"), r.leftOut().get(0));
        assertFalse(has(problems, "moderation.absent"));
    }

    @Test
    void leavesOutRejectedAndChangesRequestedStandsWithTheComment() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.STAND_YAML) + "-- moderation.yaml --\n"
                + "stands:\n  alfa: { status: changes-requested, comment: \"Добавьте лицензию\" }\n  beta: { status: rejected }\n");
        LoadResult r = TestSite.load(dir, Problems.tracking(100));
        assertTrue(r.exhibition().stands().isEmpty());
        assertEquals("модератор запросил исправления: Добавьте лицензию", r.leftOut().get(0).reason());
        assertEquals("отклонён модератором", r.leftOut().get(1).reason());
    }

    @Test
    void leavesOutStandChangedAfterItsPinnedVersionWasApproved() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.STAND_YAML));
        String betaVersion = TestSite.load(dir, Problems.tracking(10)).exhibition().stands().get(1).version();
        TestSite.write(dir, "-- moderation.yaml --\ndate: 2026-04-01\nstands:\n"
                + "  alfa: { status: approved, version: \"sha256:0000\" }\n  beta: { status: approved, version: \"" + betaVersion + "\" }\n");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals(List.of("beta"), ids(r));
        Problem p = only(problems, "moderation.version.changed");
        assertEquals(Severity.WARNING, p.severity());
        assertEquals("moderation.yaml", p.file());
        assertEquals(3, p.line());
        assertEquals("alfa", p.standId());
    }

    @Test
    void warnsOnceInPreviewModeWithoutModeration() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.STAND_YAML));
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals(List.of("alfa", "beta"), ids(r));
        assertNull(r.exhibition().stands().get(0).approved());
        assertEquals(Severity.WARNING, only(problems, "moderation.absent").severity());
    }

    @Test
    void warnsAboutUnknownStandInModeration() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.STAND_YAML)
                + "-- moderation.yaml --\nstands:\n  alfa: { status: approved }\n  betta: { status: approved }\n");
        Problems problems = Problems.tracking(100);
        TestSite.load(dir, problems);
        Problem p = only(problems, "moderation.stand.unknown");
        assertEquals(3, p.line());
        assertTrue(p.hint().contains("beta"), p.hint());
    }

    @Test
    void makesMaterialUrlNamesUniqueInPathOrder() {
        TestSite.withStand(dir, TestSite.STAND_YAML,
                "-- stands/shkola-1/files/plan.pdf --\n%PDF\n-- stands/shkola-1/files/План.pdf --\n%PDF\n"
                        + "-- stands/shkola-1/files/virus.exe --\nMZ\n");
        Problems problems = Problems.tracking(100);
        Stand s = TestSite.load(dir, problems).exhibition().stands().get(0);
        assertEquals(List.of("plan.pdf", "plan-2.pdf"), s.materials().stream().map(Material::urlName).collect(Collectors.toList()));
        Problem p = only(problems, "stand.file.type");
        assertEquals("stands/shkola-1/files/virus.exe", p.file());
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.hint().contains("pdf, docx"), p.hint());
    }

    @Test
    void reportsFileOverTheSizeLimit() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "limits: { file_mb: 1, stand_mb: 2 }\n"
                + "-- stands/shkola-1/stand.yaml --\n" + TestSite.STAND_YAML + "-- stands/shkola-1/index.md --\n# Школа\n");
        TestSite.writeBytes(dir, "stands/shkola-1/files/big.pdf", new byte[1024 * 1024 + 1]);
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        Problem p = only(problems, "stand.file.too-large");
        assertEquals("stands/shkola-1/files/big.pdf", p.file());
        assertTrue(p.message().contains("1 МБ"), p.message());
        assertTrue(r.exhibition().stands().isEmpty());
    }

    @Test
    void warnsAboutPhotoWithoutCaption() {
        TestSite.withStand(dir, TestSite.STAND_YAML, "-- stands/shkola-1/gallery/02.jpg --\nx\n");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        Problem p = only(problems, "stand.photo.caption.missing");
        assertEquals("stands/shkola-1/gallery/02.jpg", p.file());
        assertEquals(1, r.exhibition().stands().size());
    }

    @Test
    void ordersSectionsIndexFirstThenByRussianTitle() {
        TestSite.withStand(dir, TestSite.STAND_YAML, "-- stands/shkola-1/b.md --\n# Ёлка\n-- stands/shkola-1/a.md --\n# Яблоко\n"
                + "-- stands/shkola-1/c.md --\n---\ntitle: Азбука\n---\nТекст\n");
        Stand s = TestSite.load(dir, Problems.tracking(10)).exhibition().stands().get(0);
        assertEquals(List.of("index", "c", "b", "a"), s.sections().stream().map(Section::slug).collect(Collectors.toList()));
        assertEquals(List.of(0, 1, 2, 3), s.sections().stream().map(Section::order).collect(Collectors.toList()));
        assertEquals(4, s.sections().get(1).bodyLine());
    }

    @Test
    void followsSectionsOrderFromStandYaml() {
        TestSite.withStand(dir, TestSite.STAND_YAML + "sections: [index, b, a, nope]\n",
                "-- stands/shkola-1/a.md --\n# А\n-- stands/shkola-1/b.md --\n# Б\n-- stands/shkola-1/c.md --\n# В\n");
        Problems problems = Problems.tracking(10);
        Stand s = TestSite.load(dir, problems).exhibition().stands().get(0);
        assertEquals(List.of("index", "b", "a", "c"), s.sections().stream().map(Section::slug).collect(Collectors.toList()));
        assertEquals(11, only(problems, "stand.section.unknown").line());
    }

    @Test
    void transliteratesCyrillicPageFileNameWithWarning() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "-- pages/Вопросы.md --\n---\norder: 5\ntitel: x\n---\nТекст\n");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertEquals("voprosy", r.exhibition().pages().get(0).slug());
        assertEquals("voprosy", r.exhibition().pages().get(0).title());
        assertEquals(5, r.exhibition().pages().get(0).order());
        assertEquals("pages/Вопросы.md", only(problems, "page.slug.translit").file());
        Problem unknown = only(problems, "page.field.unknown");
        assertEquals(3, unknown.line());
        assertTrue(unknown.hint().contains("title"), unknown.hint());
    }

    @Test
    void loadsOneStandFolderForCheckCommand() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.standWith("region", "region: 99")));
        ContentLoader loader = new ContentLoader(TestSite.CLOCK);
        Problems problems = Problems.tracking(100);
        SiteConfig site = loader.loadSite(dir, problems).orElseThrow();
        Optional<Stand> alfa = loader.loadStand(dir, site, "alfa", problems);
        assertTrue(alfa.isPresent());
        assertEquals(0, problems.errorCount());
        assertTrue(loader.loadStand(dir, site, "beta", problems).isEmpty());
        assertEquals("beta", only(problems, "stand.region.unknown").standId());
    }

    @Test
    void publishesNothingWhenModerationYamlIsBroken() {
        TestSite.write(dir, twoStands(TestSite.STAND_YAML, TestSite.STAND_YAML)
                + "-- moderation.yaml --\nstands:\n  alfa: { status: approved\n");
        Problems problems = Problems.tracking(100);
        LoadResult r = TestSite.load(dir, problems);
        assertTrue(r.exhibition().stands().isEmpty());
        assertEquals("moderation.yaml", only(problems, "moderation.unreadable").file());
        assertTrue(r.leftOut().get(0).reason().contains("moderation.yaml не прочитан"));
    }
}
