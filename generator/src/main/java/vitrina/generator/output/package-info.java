/** Writes site-output/ atomically and deterministically through a staging folder, and records a manifest of every file for CDN sync. */
package vitrina.generator.output;
