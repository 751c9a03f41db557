package vitrina.generator.render;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Width and height from a PNG's IHDR header, for the width/height attributes of preview images. */
final class PngSize {
    private PngSize() {
    }

    /** {width, height}, or null when the file is not a readable PNG. */
    static int[] of(Path png) {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] head = data.readNBytes(16);
            if (head.length < 16 || (head[1] != 'P' || head[2] != 'N' || head[3] != 'G')) {
                return null;
            }
            return new int[] {data.readInt(), data.readInt()};
        } catch (IOException e) {
            return null;
        }
    }
}
