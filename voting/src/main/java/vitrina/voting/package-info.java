/** Wires configuration, store and HTTP server together into the runnable voting service. */
package vitrina.voting;
