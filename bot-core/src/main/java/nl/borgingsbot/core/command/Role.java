package nl.borgingsbot.core.command;

/** Who may give a command; the {@link CommandRouter} checks it before any handler runs. */
public enum Role {
    /** Anyone, also outside every region (help, the person's own data); the handler may narrow it. */
    ANYONE,
    /** One of the bot's administrators (BORGING_ADMINS). */
    ADMINISTRATOR,
    /** A programme manager or a partner of the region the command is about. */
    PARTNER,
    /** A programme manager of the region the command is about. */
    MANAGER
}
