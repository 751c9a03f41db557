/**
 * Makes responsive, metadata-free image variants named by content hash, within pixel and byte limits.
 *
 * <p>Entry point: {@link vitrina.generator.images.ImageProcessor}, configured by
 * {@link vitrina.generator.images.ImageLimits}. Opaque pictures become baseline sRGB JPEGs; pictures with real
 * transparency (logos) stay PNG so they sit on any page background. Only this package imports Thumbnailator,
 * metadata-extractor and the TwelveMonkeys ImageIO plugins.
 */
package vitrina.generator.images;
