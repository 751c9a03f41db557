/** Writes the counts export that the generator reads and the hash-chained anonymized ballot log. */
package vitrina.voting.export;
