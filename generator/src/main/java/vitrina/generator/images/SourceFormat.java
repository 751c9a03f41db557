package vitrina.generator.images;

import java.nio.charset.StandardCharsets;

/** What a file really is, judged by its first bytes (never by its extension). */
enum SourceFormat {
    JPEG("JPEG", true),
    PNG("PNG", true),
    GIF("GIF", true),
    WEBP("WebP", true),
    BMP("BMP", true),
    TIFF("TIFF", true),
    HEIC("HEIC", false),
    AVIF("AVIF", false),
    SVG("SVG", false),
    PSD("PSD (Photoshop)", false),
    PDF("PDF", false),
    UNKNOWN("неизвестный", false);

    /** How many leading bytes {@link #sniff} looks at. */
    static final int HEAD_BYTES = 256;

    private final String label;
    private final boolean readable;

    SourceFormat(String label, boolean readable) {
        this.label = label;
        this.readable = readable;
    }

    String label() {
        return label;
    }

    boolean readable() {
        return readable;
    }

    static SourceFormat sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return GIF;
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return WEBP;
        }
        if (ascii(head, 0, "BM")) {
            return BMP;
        }
        if (startsWith(head, 0, 'I', 'I', 42, 0) || startsWith(head, 0, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        if (ascii(head, 4, "ftyp")) {
            return isoBmff(head);
        }
        if (ascii(head, 0, "8BPS")) {
            return PSD;
        }
        if (ascii(head, 0, "%PDF")) {
            return PDF;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("<?xml") || text.startsWith("<!--") || text.startsWith("<!DOCTYPE svg")
                || text.contains("<svg")) {
            return SVG;
        }
        return UNKNOWN;
    }

    /** ISO base media (HEIF family): major brand at 8, compatible brands after the minor version. */
    private static SourceFormat isoBmff(byte[] head) {
        String major = brand(head, 8);
        if (major.startsWith("avi")) {
            return AVIF;
        }
        int boxSize = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int end = boxSize < 16 ? Math.min(head.length, 64) : Math.min(head.length, boxSize);
        for (int at = 16; at + 4 <= end; at += 4) {
            if (brand(head, at).startsWith("avi")) {
                return AVIF;
            }
        }
        return switch (major) {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> HEIC;
            default -> UNKNOWN;
        };
    }

    private static String brand(byte[] head, int at) {
        return head.length >= at + 4 ? new String(head, at, 4, StandardCharsets.ISO_8859_1) : "";
    }

    private static boolean ascii(byte[] head, int at, String text) {
        return head.length >= at + text.length()
                && new String(head, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static boolean startsWith(byte[] head, int at, int... bytes) {
        if (head.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
