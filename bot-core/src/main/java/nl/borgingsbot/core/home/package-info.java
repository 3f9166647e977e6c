/**
 * A person's home page (Slack's App Home): their open check-in, their regions' last reports, and a
 * programme manager's round progress. May use checkin, report, round, region, chat and i18n.
 */
package nl.borgingsbot.core.home;
