/** Stores votes durably behind one interface, with SQLite and PostgreSQL implementations and their migrations. */
package vitrina.voting.store;
