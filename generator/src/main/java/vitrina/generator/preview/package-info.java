/** Serves a built site on loopback for preview, with the same URLs as the CDN (index.html for folders, 404.html). */
package vitrina.generator.preview;
