package nl.borgingsbot.slack;

/**
 * Slack's text rules in one place. Outgoing text is entity-escaped ({@code & < >}), so no
 * {@code <!channel>}, {@code <@U…>} or {@code <http://…|link>} can take effect, and mrkdwn
 * formatting characters get a zero-width space in front, so {@code *bold*} or {@code `code`}
 * typed by a partner shows as typed. Incoming message text is unescaped back to what was typed.
 */
public final class SlackText {

    /** Slack's limit for the text of a section block. */
    static final int SECTION_LIMIT = 3000;
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private SlackText() {
    }

    /** Escapes the three characters Slack requires escaped; nothing else changes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Text shown literally in a mrkdwn field (to be sent with {@code verbatim: true}, so URLs and
     * channel names are not linked either): escaped, and with every formatting character made inert.
     */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : escape(text).toCharArray()) {
            if (c == '*' || c == '_' || c == '~' || c == '`') {
                out.append(ZERO_WIDTH_SPACE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What a person typed, from the text of a Slack message event (which arrives escaped). */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** {@code text} cut to at most {@code max} characters, with an ellipsis when cut. */
    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
