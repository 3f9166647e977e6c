package nl.borgingsbot.core.chat;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person named in the text of an {@link InboundEvent}, in the core's own neutral form:
 * {@code @{userId}} or {@code @{userId|Display Name}}. Each adapter turns its platform's mention
 * syntax (Slack's {@code <@U0123|jan>}, a Teams {@code <at>} entity) into this form with
 * {@link #text()} or {@link #replaceAll}; the core reads only this form (besides a typed
 * {@code @U0123} or a bare id).
 */
public record Mention(String userId, Optional<String> name) {

    /** The neutral form in text. */
    public static final Pattern FORM = Pattern.compile("@\\{([^|}\\s]+)(?:\\|([^}]*))?}");

    public Mention {
        if (!userId.matches("[^|}\\s]+")) {
            throw new IllegalArgumentException("not a user id: " + userId);
        }
        name = name.map(Mention::cleanName).filter(n -> !n.isEmpty());
    }

    public static Mention of(String userId) {
        return new Mention(userId, Optional.empty());
    }

    public static Mention of(String userId, String name) {
        return new Mention(userId, Optional.ofNullable(name));
    }

    /** This mention as it stands in the text the core reads. */
    public String text() {
        return "@{" + userId + name.map(n -> "|" + n).orElse("") + "}";
    }

    /** The mention that {@code token} is, exactly, if it is one. */
    public static Optional<Mention> parse(String token) {
        Matcher matcher = FORM.matcher(token);
        return matcher.matches() ? Optional.of(new Mention(matcher.group(1), Optional.ofNullable(matcher.group(2))))
                : Optional.empty();
    }

    /** {@code text} with every match of a platform's mention syntax replaced by the neutral form. */
    public static String replaceAll(String text, Pattern platformSyntax, Function<MatchResult, Mention> mention) {
        return platformSyntax.matcher(text).replaceAll(match -> Matcher.quoteReplacement(mention.apply(match).text()));
    }

    /** A display name cannot close the mention or split it: no braces, no bars, single spaces. */
    private static String cleanName(String name) {
        return name.replace("}", "").replace("{", "").replace("|", " ").strip().replaceAll("\\s+", " ");
    }
}
