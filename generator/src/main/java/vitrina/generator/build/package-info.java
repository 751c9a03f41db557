/** Runs the pipeline stages in execution order and collects the build report: the table of contents of a build. */
package vitrina.generator.build;
