/**
 * What the bot stores about a person ({@code mijn gegevens}) and forgetting them ({@code vergeet}).
 * May use checkin, actions, round, command, questionnaire, region, chat and i18n.
 */
package nl.borgingsbot.core.privacy;
