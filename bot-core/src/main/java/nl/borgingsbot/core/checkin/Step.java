package nl.borgingsbot.core.checkin;

/**
 * Where a check-in conversation stands: the intro, reflection prompt {@code index} (0-based),
 * statement {@code index} (0-based), the summary, or done (submitted).
 */
public record Step(Kind kind, int index) {

    public enum Kind { INTRO, PROMPT, STATEMENT, SUMMARY, DONE }

    public static final Step INTRO = new Step(Kind.INTRO, 0);
    public static final Step SUMMARY = new Step(Kind.SUMMARY, 0);
    public static final Step DONE = new Step(Kind.DONE, 0);

    public static Step prompt(int index) {
        return new Step(Kind.PROMPT, index);
    }

    public static Step statement(int index) {
        return new Step(Kind.STATEMENT, index);
    }

    /** Stored form, e.g. {@code PROMPT:1}. */
    public String encode() {
        return kind + ":" + index;
    }

    public static Step decode(String stored) {
        int colon = stored.indexOf(':');
        return new Step(Kind.valueOf(stored.substring(0, colon)), Integer.parseInt(stored.substring(colon + 1)));
    }
}
