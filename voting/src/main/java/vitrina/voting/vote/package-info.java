/** Holds the ballot rules (period, published stands, one vote per voter, limits, proof-of-work) as pure logic. */
package vitrina.voting.vote;
