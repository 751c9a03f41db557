/** Declares every HTTP route in one place, maps refusals to one JSON error shape and enforces CORS and size limits. */
package vitrina.voting.http;
