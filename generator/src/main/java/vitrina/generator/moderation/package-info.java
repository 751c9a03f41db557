/** Keeps approved stand versions in a content-addressed snapshot store and edits moderation.yaml without losing its comments. */
package vitrina.generator.moderation;
