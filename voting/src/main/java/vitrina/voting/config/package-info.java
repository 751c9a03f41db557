/** Reads settings from flags, the environment, site.yaml and the published stands list into immutable values. */
package vitrina.voting.config;
