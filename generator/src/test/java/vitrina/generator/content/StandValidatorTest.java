package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vitrina.generator.content.TestSite.lineOf;
import static vitrina.generator.content.TestSite.only;
import static vitrina.generator.content.TestSite.standWith;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.problem.Problem;
import vitrina.generator.problem.Problems;
import vitrina.generator.problem.Severity;

class StandValidatorTest {
    private static final String YAML = "stands/shkola-1/stand.yaml";

    @TempDir
    Path dir;

    private Problem single(String standYaml, String code) {
        return single(standYaml, "", code);
    }

    private Problem single(String standYaml, String extra, String code) {
        TestSite.withStand(dir, standYaml, extra);
        Problems problems = Problems.tracking(100);
        LoadResult result = TestSite.load(dir, problems);
        Problem p = only(problems, code);
        if (p.isError()) {
            assertTrue(result.exhibition().stands().isEmpty(), "a stand with an error is left out");
            assertTrue(result.leftOut().stream().anyMatch(l -> l.folder().equals("shkola-1")), result.leftOut().toString());
        }
        assertEquals("shkola-1", p.standId());
        return p;
    }

    private static void assertAt(Problem p, String file, int line, int column) {
        assertEquals(file, p.file());
        assertEquals(line, p.line(), "line of " + p);
        assertEquals(column, p.column(), "column of " + p);
    }

    @Test
    void acceptsTheBaselineStand() {
        TestSite.withStand(dir, TestSite.STAND_YAML, "");
        Problems problems = Problems.tracking(100);
        LoadResult result = TestSite.load(dir, problems);
        assertEquals(0, problems.errorCount(), problems.all().toString());
        assertEquals(1, result.exhibition().stands().size());
    }

    @Test
    void reportsLineAndColumnOfWrongInnChecksum() {
        String yaml = standWith("inn", "inn: \"7707083894\"");
        Problem p = single(yaml, "stand.inn.checksum");
        assertAt(p, YAML, lineOf(yaml, "inn:"), 6);
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().contains("«inn»") && p.message().contains("7707083894"), p.message());
        assertFalse(p.hint().isEmpty());
    }

    @Test
    void reportsInnThatIsNotTenDigits() {
        String yaml = standWith("inn", "inn: \"77070838\"");
        Problem p = single(yaml, "stand.inn.format");
        assertAt(p, YAML, lineOf(yaml, "inn:"), 6);
        assertTrue(p.message().contains("10 цифр"), p.message());
    }

    @Test
    void reportsWrongOgrnChecksum() {
        String yaml = standWith("ogrn", "ogrn: \"1027700132196\"");
        Problem p = single(yaml, "stand.ogrn.checksum");
        assertAt(p, YAML, lineOf(yaml, "ogrn:"), 7);
        assertTrue(p.message().contains("«ogrn»"), p.message());
    }

    @Test
    void reportsUnknownRegionCode() {
        String yaml = standWith("region", "region: 88");
        Problem p = single(yaml, "stand.region.unknown");
        assertAt(p, YAML, lineOf(yaml, "region:"), 9);
        assertTrue(p.message().contains("«region»") && p.message().contains("88"), p.message());
    }

    @Test
    void reportsRegionWrittenAsName() {
        String yaml = standWith("region", "region: Москва");
        Problem p = single(yaml, "stand.region.invalid");
        assertAt(p, YAML, lineOf(yaml, "region:"), 9);
    }

    @Test
    void reportsUnknownOrganizationTypeWithSuggestion() {
        String yaml = standWith("type", "type: shcool");
        Problem p = single(yaml, "stand.type.unknown");
        assertAt(p, YAML, lineOf(yaml, "type:"), 7);
        assertTrue(p.hint().contains("school"), p.hint());
    }

    @Test
    void requiresLicenseForSchools() {
        String yaml = standWith("license", null);
        Problem p = single(yaml, "stand.license.missing");
        assertEquals(YAML, p.file());
        assertTrue(p.message().contains("license"), p.message());
        assertTrue(p.hint().contains("license: {"), p.hint());
    }

    @Test
    void doesNotRequireLicenseForCultureOrganizations() {
        TestSite.withStand(dir, standWith("license", null).replace("type: school", "type: culture"), "");
        Problems problems = Problems.tracking(100);
        LoadResult result = TestSite.load(dir, problems);
        assertEquals(0, problems.errorCount(), problems.all().toString());
        assertEquals(1, result.exhibition().stands().size());
    }

    @Test
    void refusesOrganizationYoungerThanFiveYearsAtExpositionStart() {
        String yaml = standWith("founded", "founded: 2022");
        Problem p = single(yaml, "stand.founded.too-recent");
        assertAt(p, YAML, lineOf(yaml, "founded:"), 10);
        assertTrue(p.message().contains("«founded»") && p.message().contains("2021"), p.message());
    }

    @Test
    void acceptsOrganizationFoundedExactlyFiveYearsBefore() {
        TestSite.withStand(dir, standWith("founded", "founded: 2021"), "");
        Problems problems = Problems.tracking(100);
        TestSite.load(dir, problems);
        assertEquals(0, problems.errorCount(), problems.all().toString());
    }

    @Test
    void reportsNominationMissingFromSiteYaml() {
        String yaml = standWith("nominations", "nominations: [inovation]");
        Problem p = single(yaml, "stand.nomination.unknown");
        assertAt(p, YAML, lineOf(yaml, "nominations:"), 15);
        assertTrue(p.message().contains("inovation"), p.message());
        assertTrue(p.hint().contains("innovation"), p.hint());
    }

    @Test
    void reportsMissingRequiredFieldWithExample() {
        String yaml = standWith("city", null);
        Problem p = single(yaml, "stand.field.missing");
        assertEquals(YAML, p.file());
        assertTrue(p.message().contains("«city»"), p.message());
        assertTrue(p.hint().contains("city: \"Сочи\""), p.hint());
    }

    @Test
    void reportsEmptyRequiredFieldAtItsKey() {
        String yaml = standWith("city", "city:");
        Problem p = single(yaml, "stand.field.missing");
        assertAt(p, YAML, lineOf(yaml, "city:"), 1);
    }

    @Test
    void reportsWebsiteThatIsNotAnUrl() {
        String yaml = TestSite.STAND_YAML + "website: school1.ru\n";
        Problem p = single(yaml, "stand.website.invalid");
        assertAt(p, YAML, lineOf(yaml, "website:"), 10);
    }

    @Test
    void warnsAboutUnknownFieldAndSuggestsTheClosestOne() {
        String yaml = TestSite.STAND_YAML + "regoin: 23\n";
        Problem p = single(yaml, "stand.field.unknown");
        assertEquals(Severity.WARNING, p.severity());
        assertAt(p, YAML, lineOf(yaml, "regoin:"), 1);
        assertTrue(p.message().contains("regoin"), p.message());
        assertTrue(p.hint().contains("возможно, вы имели в виду region".substring(1)), p.hint());
    }

    @Test
    void warnsAboutUnknownNestedFieldWithItsPath() {
        String yaml = standWith("license", "license: { nubmer: \"Л1\", number: \"Л035\", date: 2015-05-12 }");
        Problem p = single(yaml, "stand.field.unknown");
        assertAt(p, YAML, lineOf(yaml, "license:"), 12);
        assertTrue(p.message().contains("license.nubmer"), p.message());
        assertTrue(p.hint().contains("license.number"), p.hint());
    }

    @Test
    void reportsReferencedFileThatDoesNotExist() {
        String yaml = TestSite.STAND_YAML + "logo: gallery/logo.png\n";
        Problem p = single(yaml, "stand.file.missing");
        assertAt(p, YAML, lineOf(yaml, "logo:"), 7);
        assertTrue(p.message().contains("«logo»") && p.message().contains("gallery/logo.png"), p.message());
    }

    @Test
    void reportsMaterialFileThatDoesNotExist() {
        String yaml = TestSite.STAND_YAML + "materials:\n  - { file: files/plan.pdf, title: \"План\" }\n";
        Problem p = single(yaml, "stand.file.missing");
        assertAt(p, YAML, lineOf(yaml, "  - {"), 13);
        assertTrue(p.message().contains("materials.file"), p.message());
    }

    @Test
    void refusesPathThatLeavesTheStandFolder() {
        String yaml = TestSite.STAND_YAML + "cover: ../other/gallery/01.jpg\n";
        Problem p = single(yaml, "-- stands/other/gallery/01.jpg --\nx\n", "stand.path.unsafe");
        assertAt(p, YAML, lineOf(yaml, "cover:"), 8);
        assertTrue(p.message().contains("«cover»"), p.message());
    }

    @Test
    void refusesAbsolutePathAndBackslashes() {
        String yaml = TestSite.STAND_YAML + "logo: /etc/passwd\ncover: gallery\\01.jpg\n";
        TestSite.withStand(dir, yaml, "-- stands/shkola-1/gallery/01.jpg --\nx\n");
        Problems problems = Problems.tracking(100);
        TestSite.load(dir, problems);
        long unsafe = problems.all().stream().filter(p -> p.code().equals("stand.path.unsafe")).count();
        assertEquals(2, unsafe, problems.all().toString());
    }

    @Test
    void reportsStandYamlThatIsMissing() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "-- stands/shkola-1/index.md --\n# Школа\n");
        Problems problems = Problems.tracking(100);
        LoadResult result = TestSite.load(dir, problems);
        Problem p = only(problems, "stand.yaml.missing");
        assertEquals(YAML, p.file());
        assertEquals("shkola-1", result.leftOut().get(0).folder());
    }

    @Test
    void reportsMissingIndexPage() {
        TestSite.write(dir, "-- site.yaml --\n" + TestSite.SITE_YAML + "-- stands/shkola-1/stand.yaml --\n"
                + TestSite.STAND_YAML + "-- stands/shkola-1/about.md --\n# О нас\n");
        Problems problems = Problems.tracking(100);
        TestSite.load(dir, problems);
        Problem p = only(problems, "stand.index.missing");
        assertEquals("stands/shkola-1", p.file());
        assertTrue(p.message().contains("index.md"), p.message());
    }
}
