package vitrina.generator.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoEmbedsTest {
    @Test
    void buildsEmbedAddressesFromIdsOnly() {
        assertEquals(Optional.of(new VideoEmbeds.Video("RuTube",
                        "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef")),
                VideoEmbeds.recognize("https://rutube.ru/video/0123456789abcdef0123456789abcdef/?r=wd"));
        assertEquals(Optional.of(new VideoEmbeds.Video("YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")),
                VideoEmbeds.recognize("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1"));
        assertEquals(Optional.of(new VideoEmbeds.Video("VK Видео", "https://vk.com/video_ext.php?oid=-1&id=2")),
                VideoEmbeds.recognize("https://vkvideo.ru/video-1_2"));
        assertEquals(Optional.of(new VideoEmbeds.Video("VK Видео", "https://vk.com/video_ext.php?oid=5&id=6")),
                VideoEmbeds.recognize("https://vk.com/club1?z=video5_6%2Fpl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://youtu.be/dQw4w9WgXcQ\"onmouseover=\"x", "https://youtu.be/short",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
            "https://rutube.ru/video/../../x", "https://vk.com/video-1_2'><script>", "javascript://youtu.be/dQw4w9WgXcQ",
            "https://rutube.ru/video/0123456789ABCDEF0123456789ABCDEZ/"})
    void rejectsAnythingButStrictVideoAddresses(String url) {
        assertTrue(VideoEmbeds.recognize(url).isEmpty(), url);
    }
}
