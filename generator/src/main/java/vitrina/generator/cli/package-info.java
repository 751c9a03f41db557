/** Turns command-line arguments into build options, runs build, check or serve, prints problems and returns an exit code. */
package vitrina.generator.cli;
