package vitrina.generator.search;

import java.util.Arrays;

/** A growable array of ints: postings of 50,000 pages do not fit in boxed lists. */
final class IntList {
    private int[] data = new int[4];
    private int size;

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    int get(int i) {
        return data[i];
    }

    int size() {
        return size;
    }
}
