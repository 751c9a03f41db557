package vitrina.generator.render;

/**
 * Takes pages over from the previous build: the build's cache of which page file was made from which key.
 * Thread-safe.
 */
public interface PageReuse {
    /**
     * Takes the file at {@code path} over from the previous site when it was made from {@code key} and is still there
     * unchanged.
     *
     * @return whether it was taken over (nothing is to be written then)
     */
    boolean reuse(String path, String key);

    /** The file at {@code path} was just written, made from {@code key}. */
    void stored(String path, String key);
}
