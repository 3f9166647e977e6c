package nl.borgingsbot.core.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.borgingsbot.core.chat.Mention;

/**
 * A person named in a command: a {@link Mention} in the core's neutral form ({@code @{U0123}},
 * {@code @{U0123|jan}}), {@code @U0123}, or a bare id. Adapters turn their own mentions into the
 * first form.
 */
public record UserReference(String userId, Optional<String> displayName) {

    private static final Pattern PLAIN = Pattern.compile("@?([A-Za-z0-9][A-Za-z0-9._:\\-]*)");

    /** A person named at the start of {@code text}, and the text after it. */
    public record Leading(UserReference user, String rest) {
    }

    /** Reads the person named first in {@code text} (a mention may contain spaces in its name part). */
    public static Optional<Leading> parseLeading(String text) {
        String stripped = text.strip();
        int end = stripped.startsWith("@{") ? stripped.indexOf('}') + 1 : stripped.indexOf(' ');
        if (end <= 0) {
            end = stripped.length();
        }
        String rest = stripped.substring(end).strip();
        return parse(stripped.substring(0, end)).map(user -> new Leading(user, rest));
    }

    public static Optional<UserReference> parse(String token) {
        Optional<Mention> mention = Mention.parse(token);
        if (mention.isPresent()) {
            return mention.map(m -> new UserReference(m.userId(), m.name()));
        }
        Matcher plain = PLAIN.matcher(token);
        return plain.matches() ? Optional.of(new UserReference(plain.group(1), Optional.empty())) : Optional.empty();
    }

    /** How to write this person in a message. */
    public String display() {
        return displayName.orElse("@" + userId);
    }
}
