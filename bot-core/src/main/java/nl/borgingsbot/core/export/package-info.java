/**
 * The export of a closed round as an Excel workbook or CSV, and the {@code export} command. May use
 * report, checkin, actions, round, command, questionnaire, region, chat and i18n.
 */
package nl.borgingsbot.core.export;
