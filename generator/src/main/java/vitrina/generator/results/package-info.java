/**
 * Turns expert scores, votes, page views, surveys and authorities' information into a transparent rating: ranks,
 * the "N best", winners and laureates, open-data tables and PDF diplomas. Pure functions apart from reading the
 * evaluation files.
 */
package vitrina.generator.results;
