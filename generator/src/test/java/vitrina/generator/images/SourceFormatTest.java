package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceFormatTest {
    private static SourceFormat sniff(String latin1) {
        return SourceFormat.sniff(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recognisesReadableFormatsByTheirFirstBytes() {
        assertEquals(SourceFormat.JPEG, sniff("\u00FF\u00D8\u00FF\u00E0"));
        assertEquals(SourceFormat.PNG, sniff("\u0089PNG\r\n\u001A\n"));
        assertEquals(SourceFormat.GIF, sniff("GIF89a"));
        assertEquals(SourceFormat.WEBP, sniff("RIFF\0\0\0\0WEBPVP8 "));
        assertEquals(SourceFormat.TIFF, sniff("II*\0"));
    }

    @Test
    void tellsHeicFromAvifInsideTheSameContainer() {
        assertEquals(SourceFormat.HEIC, SourceFormat.sniff(TestImages.isoBmff("heic", "mif1", "heic")));
        assertEquals(SourceFormat.HEIC, SourceFormat.sniff(TestImages.isoBmff("heix")));
        assertEquals(SourceFormat.HEIC, SourceFormat.sniff(TestImages.isoBmff("mif1", "heic")));
        assertEquals(SourceFormat.AVIF, SourceFormat.sniff(TestImages.isoBmff("mif1", "mif1", "avif")));
        assertEquals(SourceFormat.AVIF, SourceFormat.sniff(TestImages.isoBmff("avif")));
        assertEquals(SourceFormat.UNKNOWN, SourceFormat.sniff(TestImages.isoBmff("isom", "mp41")));
    }

    @Test
    void recognisesSvgEvenAfterBomAndWhitespace() {
        assertEquals(SourceFormat.SVG, sniff("\u00EF\u00BB\u00BF  \n<svg xmlns=\"http://www.w3.org/2000/svg\">"));
        assertEquals(SourceFormat.SVG, sniff("<?xml version=\"1.0\"?><svg/>"));
    }

    @Test
    void shortOrEmptyInputIsUnknown() {
        assertEquals(SourceFormat.UNKNOWN, SourceFormat.sniff(new byte[0]));
        assertEquals(SourceFormat.UNKNOWN, sniff("\u00FF"));
    }
}
