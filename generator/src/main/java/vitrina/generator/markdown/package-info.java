/** Turns Markdown into safe HTML with resolved links and click-to-load video embeds, and extracts plain text for search. */
package vitrina.generator.markdown;
