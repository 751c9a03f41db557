package vitrina.generator.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for the large index files: appends the same bytes as building a String and encoding
 * it, without the String's copies (nor its two bytes a char once a Cyrillic term is in).
 */
final class ByteText {
    private byte[] bytes;
    private int size;

    ByteText(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** An ASCII character. */
    ByteText append(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Same digits as {@link StringBuilder#append(long)}. */
    ByteText append(long v) {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return append(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
            }
            bytes[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    ByteText append(byte[] b) {
        return append(b, 0, b.length);
    }

    ByteText append(byte[] b, int from, int length) {
        ensure(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
        return this;
    }

    /** A non-negative int as a varint (seven bits a byte, low first). */
    ByteText appendVarint(int v) {
        ensure(5);
        while ((v & ~0x7f) != 0) {
            bytes[size++] = (byte) (v & 0x7f | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
        return this;
    }

    /** The buffer itself, valid up to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    /** Empties the buffer, giving back memory when it grew past {@code keep} bytes. */
    void clear(int keep) {
        size = 0;
        if (bytes.length > keep) {
            bytes = new byte[keep];
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long want = Math.max((long) size + more, bytes.length * 2L);
            bytes = Arrays.copyOf(bytes, (int) Math.min(want, Integer.MAX_VALUE - 16));
        }
    }
}
