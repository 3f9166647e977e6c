/**
 * A partner's own result after a round closes, their wish to get it, and {@code mijn resultaat}.
 * May use report, checkin, round, command, questionnaire, region, chat and i18n.
 */
package nl.borgingsbot.core.personal;
