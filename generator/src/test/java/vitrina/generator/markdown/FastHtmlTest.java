package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.bench.CorpusGenerator;
import vitrina.generator.model.RenderedMarkdown;
import vitrina.generator.problem.Problem;

/**
 * {@link FastHtml} (with {@link HtmlOut}) must give the pages exactly what flexmark's renderer and jsoup gave them: the same HTML, plain text,
 * headings and problems (with their lines), on every Markdown file of the demo, the golden cases, the benchmark
 * corpus, a catalogue of constructs and random mixtures of them.
 */
class FastHtmlTest {
    private static final MarkdownRenderer FAST = new MarkdownRenderer(true);
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(false);

    /** Constructs the fast builder handles itself (none of them may fall back to flexmark). */
    private static final List<String> HANDLED = List.of(
            "# Заголовок *в* тексте\n",
            "Заголовок\n=========\n\nПодзаголовок\n------------\n",
            "###### шестой уровень ######\n",
            "Абзац с **жирным**, __тоже жирным__, *курсивом*, _тоже_ и ***обоими***.\n",
            "Первая строка\nвторая строка\n",
            "Жёсткий перенос  \nпробелами и\\\nобратной чертой\n",
            "Экранирование: \\* \\_ \\[ \\] \\\\ \\# и сущности &amp; &copy; &#1046; &#x416; &nbsp;конец\n",
            "Спецсимволы < > \" ' & без сущностей, a<b, 1 > 0, AT&T\n",
            "`код` и ``код с ` внутри`` и `  пробелы  ` и `много   пробелов\nперенос`\n",
            "~~зачёркнуто~~ и ~~**вложенное**~~\n",
            "- один\n- два\n  - вложенный\n  - ещё\n- три\n",
            "* звёздочка\n+ плюс\n",
            "1. раз\n2. два\n3. три\n",
            "3. с тройки\n4. четыре\n",
            "1) скобка\n2) вторая\n",
            "1. раз\n\n2. два\n\n   второй абзац\n",
            "- пункт\n\n  продолжение\n- второй\n",
            "- [ ] задача\n- [x] сделано\n",
            "-\n  пустой маркер\n",
            "> цитата\n> строка\n>\n> > вложенная\n",
            "> - список в цитате\n> - два\n",
            "---\n\n***\n\n___\n",
            "```js\nlet a = 1 < 2 && b;\n```\n",
            "```\nбез языка\n\n\nс пустыми строками\n```\n",
            "~~~ python extra words\nprint(\"x\")\n~~~\n",
            "```\nнезакрытый блок\n",
            "    отступ\n    код <b>\n\n    после пустой\n",
            "[ссылка](files/План.pdf \"Титул\") и [пробел](files/Программа развития.docx)\n",
            "[пустая]() и [якорь](#раздел) и [внешняя](https://пример.рф/путь?a=1&b=2)\n",
            "[с \\* экранированием](files/x.pdf 'одинарные') и [скобки](<files/x.pdf>)\n",
            "![фото](gallery/01.jpg) и ![фото с *курсивом*](gallery/Фото 2.jpg \"подпись\")\n",
            "![](gallery/нет.jpg)\n",
            "[![картинка в ссылке](gallery/01.jpg)](methods.md)\n",
            "<https://x.ru> и https://y.ru/z?q=1 и www.школа.рф и mail@x.ru и <mail@пример.рф>\n",
            "Адрес: http://example.com/path_(x), точка в конце http://a.ru.\n",
            "[реф][1] и [коротк][] и [коротк] и ![img][p] и [нет][2] и [просто в скобках] и [1]\n\n"
                    + "[1]: http://r.ru \"Т\"\n[коротк]: methods.md\n[p]: gallery/01.jpg\n",
            "[нет *курсив*][нет] и ![нет][нет]\n",
            "Текст\n\n\n\nпосле пустых строк\n   \n  отступ в абзаце\n",
            "# Пустой заголовок\n\n#\n",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
            "[Видео](https://rutube.ru/video/0123456789abcdef0123456789abcdef/)\n",
            "| a | b | c |\n|:--|--:|:-:|\n| 1 | **2** | [3](methods.md) |\n| один |\n| x | y | z | лишняя |\n",
            "Таблица без выравнивания\n\n| Год | Призёры |\n| --- | --- |\n| 2025 | 12 |\n\n[Подпись таблицы]\n",
            "| только | шапка |\n|---|---|\n",
            "![img](gallery/01.jpg?a=1 =100x200)\n",
            "[ссылка с https://x.ru внутри](methods.md)\n");

    /** Constructs that go through flexmark's renderer and jsoup's parser (the fast builder declines them). */
    private static final List<String> DECLINED = List.of(
            "Абзац <b>жирный</b> и <script>alert(1)</script>\n",
            "<div>\nблок\n</div>\n",
            "<!-- комментарий -->\n",
            "сноска[^1]\n\n[^1]: текст сноски\n",
            "Строка\r\nс CRLF\r\n\r\n- пункт\r\n", // the loader normalises line ends; the HTML parser would too
            "Нулевой \0 символ\n");

    @Test
    void catalogueRendersAsFlexmarkDid() {
        for (String markdown : HANDLED) {
            assertTrue(FAST.fastWrites(markdown), "fast writer declined: " + markdown);
            assertSame(markdown);
        }
        for (String markdown : DECLINED) {
            assertFalse(FAST.fastWrites(markdown), "fast writer took: " + markdown);
            assertSame(markdown);
        }
    }

    @Test
    void randomMixturesRenderAsFlexmarkDid() {
        List<String> parts = new ArrayList<>(HANDLED);
        parts.addAll(DECLINED);
        Random random = new Random(20261126);
        for (int i = 0; i < 1500; i++) {
            StringBuilder md = new StringBuilder();
            int n = 1 + random.nextInt(5);
            for (int k = 0; k < n; k++) {
                String part = parts.get(random.nextInt(parts.size()));
                // sometimes glue parts without a blank line, or nest them in a list item or a quote
                switch (random.nextInt(5)) {
                    case 0 -> md.append(part.strip()).append(' ');
                    case 1 -> md.append("- ").append(part.replace("\n", "\n  ")).append('\n');
                    case 2 -> md.append("> ").append(part.replace("\n", "\n> ")).append('\n');
                    default -> md.append(part).append('\n');
                }
            }
            assertSame(md.toString());
        }
    }

    @Test
    void demoAndGoldenFilesRenderAsFlexmarkDid() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("../content"), Path.of("src/test/resources/golden/markdown"))) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 20, "demo and golden Markdown files: " + files.size());
        int fast = 0;
        for (Path file : files) {
            String markdown = Files.readString(file, StandardCharsets.UTF_8);
            assertSame(markdown);
            fast += FAST.fastWrites(markdown) ? 1 : 0;
        }
        assertTrue(fast > files.size() / 2, "fast writer took " + fast + " of " + files.size());
    }

    @Test
    void benchmarkCorpusRendersAsFlexmarkDid(@TempDir Path dir) throws IOException {
        CorpusGenerator.generate(dir, 12, 7);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".md")).toList()) {
                String markdown = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(FAST.fastWrites(markdown), "fast writer declined " + file);
                assertSame(markdown);
            }
        }
    }

    private static void assertSame(String markdown) {
        List<Problem> fastProblems = new ArrayList<>();
        List<Problem> flexmarkProblems = new ArrayList<>();
        RenderedMarkdown fast = FAST.render(markdown, "stands/demo/page.md", 4, new FakeLinks(), fastProblems::add);
        RenderedMarkdown flexmark = FLEXMARK.render(markdown, "stands/demo/page.md", 4, new FakeLinks(),
                flexmarkProblems::add);
        assertEquals(flexmark.html(), fast.html(), () -> "HTML of:\n" + markdown);
        assertEquals(flexmark, fast, () -> "plain text or headings of:\n" + markdown);
        assertEquals(flexmarkProblems, fastProblems, () -> "problems of:\n" + markdown);
    }
}
