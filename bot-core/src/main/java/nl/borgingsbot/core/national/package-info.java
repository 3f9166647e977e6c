/**
 * The national comparison and overview across regions that share their means, the consents, and
 * the {@code landelijk} commands. May use export, report, round, command, questionnaire, region, chat
 * and i18n; setup uses it (the region's settings show the consent).
 */
package nl.borgingsbot.core.national;
