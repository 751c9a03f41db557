/** Represents what is wrong with user input as values: file, line, column, severity, message and hint. */
package vitrina.generator.problem;
