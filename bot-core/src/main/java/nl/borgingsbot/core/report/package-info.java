/**
 * A round's report: statistics per element, the lowest and most divergent elements, the change
 * since the last round, the radar and trend charts and the channel message. May use checkin
 * (answers), actions, round (the Round value), questionnaire, region, chat and i18n.
 */
package nl.borgingsbot.core.report;
