package vitrina.generator.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vitrina.generator.model.ImageSet;
import vitrina.generator.problem.Problem;

class MetadataStrippingTest {
    @TempDir
    Path dir;

    @Test
    void gpsCoordinatesInTheSourceReachNoVariant() throws Exception {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(TestImages.photo(1100, 700, 4)), 1, true);
        Path source = Files.write(dir.resolve("child.jpg"), jpeg);
        Metadata before = ImageMetadataReader.readMetadata(source.toFile());
        GpsDirectory gps = before.getFirstDirectoryOfType(GpsDirectory.class);
        assertTrue(gps != null && gps.getGeoLocation() != null, "the test source really carries GPS");
        List<Problem> problems = new ArrayList<>();

        ImageSet set = new ImageProcessor(dir.resolve("cache")).process(source, "01", "child.jpg", problems::add)
                .orElseThrow();

        assertEquals(List.of(), problems);
        assertEquals(4, set.variants().size());
        for (ImageSet.Variant v : set.variants()) {
            byte[] bytes = Files.readAllBytes(v.file());
            assertFalse(TestImages.contains(bytes, "Exif"), v.fileName() + " has an Exif segment");
            assertFalse(TestImages.contains(bytes, "http://ns.adobe.com/xap"), v.fileName() + " has XMP");
            Metadata after = ImageMetadataReader.readMetadata(v.file().toFile());
            for (Class<? extends Directory> type : List.of(GpsDirectory.class, ExifIFD0Directory.class,
                    XmpDirectory.class, IccDirectory.class)) {
                assertFalse(after.containsDirectoryOfType(type), v.fileName() + " has " + type.getSimpleName());
            }
        }
    }
}
