package nl.borgingsbot.core.checkin;

/**
 * Where a check-in conversation stands: the intro, the follow-up of the partner's improvement
 * action {@code index} (0-based), reflection prompt {@code index}, statement {@code index}, the
 * summary, or done (submitted).
 */
public record Step(Kind kind, int index) {

    public enum Kind { INTRO, ACTION, PROMPT, STATEMENT, SUMMARY, DONE }

    public static final Step INTRO = new Step(Kind.INTRO, 0);
    public static final Step SUMMARY = new Step(Kind.SUMMARY, 0);
    public static final Step DONE = new Step(Kind.DONE, 0);

    public static Step action(int index) {
        return new Step(Kind.ACTION, index);
    }

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
