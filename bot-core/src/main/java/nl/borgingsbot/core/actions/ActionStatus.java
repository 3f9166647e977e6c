package nl.borgingsbot.core.actions;

import java.util.Locale;
import java.util.Optional;

/** How an improvement action stands. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, STOPPED;

    /** Still to be followed up. */
    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** The status a person typed: klaar/done, bezig/busy, gestopt/stopped. */
    public static Optional<ActionStatus> parse(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "klaar", "gedaan", "done" -> Optional.of(DONE);
            case "bezig", "loopt", "busy", "ongoing" -> Optional.of(IN_PROGRESS);
            case "gestopt", "stop", "stopped" -> Optional.of(STOPPED);
            default -> Optional.empty();
        };
    }

    /** The bundle key of its name. */
    public String textKey() {
        return "action.status." + name().toLowerCase(Locale.ROOT);
    }
}
