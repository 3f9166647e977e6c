/**
 * One partner's conversation in one round: the state machine (next question, parsing, validation),
 * the answers as they are saved, and the check-in messages. May use actions (follow-ups), round
 * (the Round value and its store), questionnaire, region, chat, i18n and telemetry.
 */
package nl.borgingsbot.core.checkin;
