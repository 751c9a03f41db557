package vitrina.generator.ingest;

/**
 * Limits on one upload, checked against the bytes actually written (declared sizes in a zip can lie).
 *
 * @param maxTotalBytes total unpacked size
 * @param maxEntries    number of files and folders
 * @param maxFileBytes  one unpacked file
 * @param maxRatio      unpacked size / archive size (zip bombs compress 1000:1 and more)
 */
public record IngestLimits(long maxTotalBytes, int maxEntries, long maxFileBytes, double maxRatio) {
    public static final IngestLimits DEFAULT = new IngestLimits(500L << 20, 5_000, 50L << 20, 100);
}
