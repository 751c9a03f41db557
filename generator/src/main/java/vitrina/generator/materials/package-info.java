/** Describes downloadable files: page count, first-page preview of PDFs and extracted text for the index, cached by content hash. */
package vitrina.generator.materials;
