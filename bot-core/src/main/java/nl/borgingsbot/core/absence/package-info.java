/**
 * A partner away for a while ({@code afwezig tot ...}, {@code aanwezig}): owns its commands.
 * May use command, region, round, chat and i18n.
 */
package nl.borgingsbot.core.absence;
