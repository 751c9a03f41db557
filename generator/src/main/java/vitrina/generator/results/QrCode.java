package vitrina.generator.results;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Draws a QR code as vector squares (crisp in print, no image, deterministic). */
final class QrCode {
    private QrCode() {
    }

    /** The QR modules of {@code text} without a quiet zone: true = dark. */
    static boolean[][] modules(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            boolean[][] dark = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    dark[y][x] = m.get(x, y);
                }
            }
            return dark;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
    }

    /** Draws the code with its lower-left corner at (x, y) and the given side, on a white quiet zone. */
    static void draw(PDPageContentStream page, String text, float x, float y, float side) throws IOException {
        boolean[][] dark = modules(text);
        int n = dark.length;
        float cell = side / n;
        page.setNonStrokingColor(1f, 1f, 1f);
        page.addRect(x - 2 * cell, y - 2 * cell, side + 4 * cell, side + 4 * cell);
        page.fill();
        page.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                if (dark[row][col]) {
                    page.addRect(x + col * cell, y + side - (row + 1) * cell, cell, cell);
                }
            }
        }
        page.fill();
    }
}
