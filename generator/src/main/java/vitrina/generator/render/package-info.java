/** Finds templates (site override, then theme), builds view models and renders every page with Pebble. */
package vitrina.generator.render;
