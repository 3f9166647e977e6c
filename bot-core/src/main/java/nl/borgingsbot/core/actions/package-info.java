/**
 * Improvement actions (PDCA Act): the action, its status and follow-up, their store port, their
 * messages and the {@code actie(s)} commands. May use command, questionnaire, region, chat and i18n;
 * checkin, report, export and privacy use it.
 */
package nl.borgingsbot.core.actions;
