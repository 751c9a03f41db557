package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuickAutolinkTest {
    private static final List<String> SAMPLES = List.of(
            "Сайт школы: https://школа.рф/о-нас и www.example.org, почта info@school.ru.",
            "WWW.EXAMPLE.ORG в верхнем регистре и Www.Example.org",
            "Адрес с сущностью: http://example.org/?a=1&amp;b=2 и www&#46;example.org",
            "Пустая схема http:// и ftp://files.example.org/plan.pdf",
            "Ссылка в скобках (https://example.org/path_(1)) и в угловых <https://example.org>",
            "`https://в-коде.рф` и [текст](https://ссылка.рф) и **www.жирный.рф**",
            "mailto:director@школа.рф и tel:+7-900-000-00-00",
            "Обычный абзац без ссылок: только русский текст, двоеточие и «кавычки».",
            "Ссылка &mdash; http://example.org &copy; 2026, перенос\nwww.example.org\nи конец",
            "email@ без домена и @упоминание и a@b",
            "Автор — “http://example.org” — и «www.example.org»");

    @Test
    void findsExactlyTheLinksOfTheAutolinkExtension() {
        for (String sample : SAMPLES) {
            assertEquals(render(AutolinkExtension.create(), sample), render(QuickAutolink.create(), sample), sample);
        }
    }

    @Test
    void randomMixturesOfTextAndLinksRenderTheSame() {
        String[] parts = {"школа ", "http://a.ru ", "www.b.ru", "c@d.ru ", ": ", "&amp;", "&#58;", "wWw.", "Ww",
                "//", "x", "\n", "*", "_", "`", "[т](http://e.ru)", "<f@g.ru>", "—", "...", "(", ")", "'", "\""};
        Random r = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(12); j >= 0; j--) {
                sb.append(parts[r.nextInt(parts.length)]);
            }
            String md = sb.toString();
            assertEquals(render(AutolinkExtension.create(), md), render(QuickAutolink.create(), md), md);
        }
    }

    @Test
    void theGuardLooksForColonsAtSignsAndWww() {
        assertTrue(QuickAutolink.mayHoldLink("см. http://"));
        assertTrue(QuickAutolink.mayHoldLink("a@b"));
        assertTrue(QuickAutolink.mayHoldLink("WwW.x"));
        assertFalse(QuickAutolink.mayHoldLink("Обычный текст, без ссылок. ww w"));
    }

    private static String render(Extension autolink, String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(autolink));
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }
}
