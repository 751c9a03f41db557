package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vitrina.generator.problem.Problem;

class YamlReaderTest {
    private final Issues issues = new Issues(null);

    private YamlNode parse(String text) {
        return YamlReader.parse(text, 0, issues.in("x.yaml")).orElseThrow();
    }

    @Test
    void remembersLineAndColumnOfKeysAndValues() {
        YamlNode root = parse("name: x\nhead:\n  name: \"Иванов\"\nlist: [a, b]\n");
        YamlNode.Entry head = root.entry("head");
        assertEquals(2, head.line());
        assertEquals(1, head.column());
        YamlNode.Entry nested = head.value().entry("name");
        assertEquals(3, nested.line());
        assertEquals(3, nested.column());
        assertEquals(9, nested.value().column());
        assertEquals(List.of("a", "b"), root.entry("list").value().items().stream().map(YamlNode::text).toList());
    }

    @Test
    void keepsNumbersAsWritten() {
        assertEquals("0274062111", parse("inn: 0274062111\n").entry("inn").value().text());
    }

    @Test
    void treatsAnEmptyDocumentAsAnEmptyMap() {
        assertTrue(parse("# только комментарий\n").entries().isEmpty());
    }

    @Test
    void shiftsLinesForFrontMatter() {
        YamlNode root = YamlReader.parse("title: x\n", 1, issues.in("p.md")).orElseThrow();
        assertEquals(2, root.entry("title").line());
    }

    @Test
    void reportsDuplicateKeyAtTheSecondOne() {
        parse("city: a\ncity: b\n");
        Problem p = issues.list().get(0);
        assertEquals("yaml.duplicate-key", p.code());
        assertEquals(2, p.line());
        assertTrue(p.hint().contains("строке 1"), p.hint());
    }

    @Test
    void explainsUnclosedQuoteInRussian() {
        assertTrue(YamlReader.parse("name: \"Школа\ncity: x\n", 0, issues.in("x.yaml")).isEmpty());
        Problem p = issues.list().get(0);
        assertEquals("yaml.syntax", p.code());
        assertEquals("x.yaml", p.file());
        assertTrue(p.line() > 0 && p.column() > 0, p.toString());
        assertTrue(p.message().contains("кавычка"), p.message());
    }

    @Test
    void explainsColonInsideValue() {
        assertTrue(YamlReader.parse("name: Школа: история\n", 0, issues.in("x.yaml")).isEmpty());
        Problem p = issues.list().get(0);
        assertEquals(1, p.line());
        assertEquals(12, p.column());
        assertTrue(p.hint().contains("кавычки"), p.hint());
    }

    @Test
    void explainsBadIndentation() {
        assertTrue(YamlReader.parse("a:\n  - x\n b: 1\n", 0, issues.in("x.yaml")).isEmpty());
        Problem p = issues.list().get(0);
        assertEquals(3, p.line());
        assertEquals(2, p.column());
        assertTrue(p.message().contains("отступ"), p.message());
    }
}
