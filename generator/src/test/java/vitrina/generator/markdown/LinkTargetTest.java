package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTargetTest {
    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:x", "java\tscript:x",
            "java\nscript:x", "java\u0000script:x", "java\u200bscript:x", "\u0001javascript:x", "vbscript:x",
            "data:text/html,x", "DATA:image/png;base64,AAA", "livescript:x", "jar:x"})
    void rejectsScriptCapableSchemesInAnySpelling(String url) {
        assertEquals(LinkTarget.Kind.UNSAFE, LinkTarget.classify(url).kind());
    }

    @Test
    void acceptsWebMailPhoneSiteAndFragmentLinks() {
        assertEquals(LinkTarget.Kind.EXTERNAL, LinkTarget.classify("https://edu.gov.ru").kind());
        assertEquals(LinkTarget.Kind.EXTERNAL, LinkTarget.classify("HTTP://edu.gov.ru").kind());
        assertEquals(LinkTarget.Kind.CONTACT, LinkTarget.classify("mailto:a@b.ru").kind());
        assertEquals(LinkTarget.Kind.CONTACT, LinkTarget.classify("tel:+7").kind());
        assertEquals(LinkTarget.Kind.SITE, LinkTarget.classify("/catalog/").kind());
        assertEquals(LinkTarget.Kind.FRAGMENT, LinkTarget.classify("#fn-1").kind());
    }

    @Test
    void treatsProtocolRelativeAddressesAsExternalHttps() {
        LinkTarget t = LinkTarget.classify("//evil.example/x");
        assertEquals(LinkTarget.Kind.EXTERNAL, t.kind());
        assertEquals("https://evil.example/x", t.url());
        assertEquals(LinkTarget.Kind.EXTERNAL, LinkTarget.classify("/\\evil.example").kind());
    }

    @Test
    void decodesRelativePathAndSplitsFragment() {
        LinkTarget t = LinkTarget.classify("./files/%D0%9F%D0%BB%D0%B0%D0%BD.pdf?dl=1#page=2");
        assertEquals(LinkTarget.Kind.RELATIVE, t.kind());
        assertEquals("files/План.pdf", t.path());
        assertEquals("#page=2", t.fragment());
    }

    @Test
    void refusesToLeaveTheStand() {
        assertEquals(LinkTarget.Kind.OUTSIDE, LinkTarget.classify("../x.pdf").kind());
        assertEquals(LinkTarget.Kind.OUTSIDE, LinkTarget.classify("files/%2E%2E/%2E%2E/x").kind());
        assertEquals(LinkTarget.Kind.OUTSIDE, LinkTarget.classify("%2Fetc/passwd").kind());
        assertEquals(LinkTarget.Kind.LOCAL_FILE, LinkTarget.classify("C:\\Users\\x.pdf").kind());
        assertEquals(LinkTarget.Kind.LOCAL_FILE, LinkTarget.classify("file:///home/x.pdf").kind());
        assertEquals(LinkTarget.Kind.LOCAL_FILE, LinkTarget.classify("\\\\server\\share\\x.pdf").kind());
    }
}
