/** Reads content/ into validated records: site settings, stands, pages and moderation; a broken stand yields problems, never an exception. */
package vitrina.generator.content;
