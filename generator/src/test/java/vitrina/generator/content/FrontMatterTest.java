package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vitrina.generator.problem.Problem;

class FrontMatterTest {
    private final Issues issues = new Issues(null);

    @Test
    void splitsFieldsFromBodyAndCountsTheBodyLine() {
        FrontMatter fm = FrontMatter.split("---\ntitle: О нас\norder: 2\n---\n# Заголовок\n", issues.in("p.md")).orElseThrow();
        assertEquals("О нас", fm.fields().entry("title").value().text());
        assertEquals(3, fm.fields().entry("order").line());
        assertEquals("# Заголовок\n", fm.body());
        assertEquals(5, fm.bodyLine());
    }

    @Test
    void leavesTextWithoutFrontMatterAlone() {
        FrontMatter fm = FrontMatter.split("# Заголовок\n---\n", issues.in("p.md")).orElseThrow();
        assertTrue(fm.fields().entries().isEmpty());
        assertEquals(1, fm.bodyLine());
    }

    @Test
    void reportsUnclosedFrontMatter() {
        assertTrue(FrontMatter.split("---\ntitle: x\n# Заголовок\n", issues.in("p.md")).isEmpty());
        Problem p = issues.list().get(0);
        assertEquals("page.front-matter.unclosed", p.code());
        assertEquals(1, p.line());
    }

    @Test
    void findsFirstLevelOneHeadingOutsideCode() {
        assertEquals("Настоящий", FrontMatter.firstHeading("```\n# не заголовок\n```\n## Второй\n# Настоящий #\n").orElseThrow());
    }
}
