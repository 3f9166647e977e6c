package nl.borgingsbot.core.command;

/**
 * A command a person typed, parsed. Each feature owns its commands: the records (implementing
 * this), their {@link CommandParser.Entry parser entries} and a {@link CommandRouter.Route route} to
 * the handler with the {@link Role} the command needs.
 */
public interface Command {
}
