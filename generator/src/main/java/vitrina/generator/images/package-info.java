/** Makes responsive, metadata-free image variants named by content hash, within pixel and byte limits. */
package vitrina.generator.images;
