package vitrina.generator.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vitrina.generator.problem.Problem;

class TextReaderTest {
    private final Issues issues = new Issues("s");

    @Test
    void dropsByteOrderMarkAndWindowsLineEnds() {
        byte[] bytes = "\uFEFFтекст\r\nещё\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("текст\nещё\n", TextReader.decode(bytes, issues.in("a.md")).orElseThrow());
        assertTrue(issues.list().isEmpty());
    }

    @Test
    void reportsWindows1251TextWithTheLineOfTheFirstBadByte() {
        byte[] bytes = "title: ok\n# Школа\n".getBytes(Charset.forName("windows-1251"));
        assertTrue(TextReader.decode(bytes, issues.in("stands/s/index.md")).isEmpty());
        Problem p = issues.list().get(0);
        assertEquals("file.encoding", p.code());
        assertEquals("stands/s/index.md", p.file());
        assertEquals(2, p.line());
        assertEquals("s", p.standId());
        assertTrue(p.message().contains("Windows-1251"), p.message());
    }

    @Test
    void reportsOtherBrokenUtf8WithoutGuessingWindows1251() {
        assertTrue(TextReader.decode(new byte[] {'a', (byte) 0x80, (byte) 0x81, 'b'}, issues.in("x.md")).isEmpty());
        Problem p = issues.list().get(0);
        assertEquals("Файл сохранён не в кодировке UTF-8.", p.message());
    }

    @Test
    void keepsAGenuineReplacementCharacterButRefusesEncodedSurrogates() {
        byte[] genuine = "a\uFFFDb".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("a\uFFFDb", TextReader.decode(genuine, issues.in("x.md")).orElseThrow());
        assertTrue(issues.list().isEmpty());
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'};
        assertTrue(TextReader.decode(surrogate, issues.in("y.md")).isEmpty());
        assertEquals("file.encoding", issues.list().get(0).code());
    }
}
