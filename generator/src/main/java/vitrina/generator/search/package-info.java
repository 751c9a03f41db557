/** Builds the static, sharded Russian search index and the related-stands lists at build time. */
package vitrina.generator.search;
