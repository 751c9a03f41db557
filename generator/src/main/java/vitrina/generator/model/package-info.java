/** Holds the immutable domain of an exhibition as records, with no I/O and no third-party libraries. */
package vitrina.generator.model;
