package nl.borgingsbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import nl.borgingsbot.core.chat.Mention;

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
    /** Slack's mention of a person, with the name part a slash command carries when it escapes users. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|([^>]*))?>");

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

    /**
     * {@code text} with each of Slack's mentions of a person ({@code <@U0123>}, {@code <@U0123|jan>})
     * in the core's neutral form ({@link Mention}). Do this before {@link #unescape}, so that
     * "&lt;@U1&gt;" typed as text stays text.
     */
    public static String neutralMentions(String text) {
        return Mention.replaceAll(text, MENTION, match -> Mention.of(match.group(1), match.group(2)));
    }

    /**
     * {@code text} in pieces of at most {@code max} characters, split at the last line break, else
     * the last space, before the limit (only a single word longer than {@code max} is split inside);
     * nothing is lost but the white space at a split.
     */
    static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty()) {
            int cut = rest.length();
            if (cut > max) {
                int newline = rest.lastIndexOf('\n', max);
                int space = rest.lastIndexOf(' ', max);
                cut = newline > 0 ? newline : space > 0 ? space : max;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            String piece = rest.substring(0, cut).stripTrailing();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(cut).stripLeading();
        }
        return List.copyOf(pieces);
    }

    /** {@code text} cut to at most {@code max} characters, with an ellipsis when cut. */
    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
