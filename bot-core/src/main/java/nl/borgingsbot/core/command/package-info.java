/**
 * The command machinery every feature plugs into: the {@code Command} marker, the {@code Role}
 * a command needs, the {@code CommandParser} built from the features' entries, the {@code
 * CommandRouter} that checks the role in one place, and help. May use only region, chat and i18n;
 * the features use it, never the other way round.
 */
package nl.borgingsbot.core.command;
