package nl.borgingsbot.core.chat;

import java.util.List;
import java.util.Optional;

/**
 * What the core did with one {@link InboundEvent}: the replies for its author, and — when the
 * event answered a question or pressed a button and that answer is now stored — which question it
 * was and what to show as chosen. Adapters show a question as answered (its buttons replaced by
 * "✔ label") only when {@code chosen} is present, so nothing is shown as stored before it is.
 */
public record Handled(List<Message> replies, Optional<Chosen> chosen) {

    public Handled {
        replies = List.copyOf(replies);
    }

    public static Handled reply(Message reply) {
        return new Handled(List.of(reply), Optional.empty());
    }

    /**
     * An answer that is stored.
     *
     * @param questionKey the {@link Part.ChoiceQuestion#questionKey()} of the question it answered
     *                    ({@code statement:<element>}), or for another button its action id
     * @param label       what to show as chosen ("4 · helemaal wel"); empty for a button whose own
     *                    label says it (Start, Versturen)
     */
    public record Chosen(String questionKey, String label) {
    }
}
