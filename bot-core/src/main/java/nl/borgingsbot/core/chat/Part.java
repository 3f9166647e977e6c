package nl.borgingsbot.core.chat;

import java.util.List;
import java.util.Optional;

/**
 * One part of a platform-neutral {@link Message}. Adapters render each kind natively
 * (Block Kit, Adaptive Cards, console text).
 *
 * <p>Only {@link UserText} carries text a person typed; adapters must escape it so that no
 * mention, link or markup from a partner ever takes effect.
 */
public sealed interface Part {

    /** A heading the bot wrote. */
    record Heading(String text) implements Part {
    }

    /** A paragraph the bot wrote (plain text, no markup). */
    record Paragraph(String text) implements Part {
    }

    /** Text a person typed, shown verbatim (escaped by the adapter), optionally attributed. */
    record UserText(Optional<String> attribution, String text) implements Part {
    }

    /** A bulleted list the bot wrote. */
    record Bullets(List<String> items) implements Part {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** Label/value pairs (statistics, status). */
    record Facts(List<Fact> facts) implements Part {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    record Fact(String label, String value) {
    }

    /**
     * A question answered by choosing one of the choices (the 1–5 scale). A typed answer is
     * accepted too; {@code questionKey} tells the core which question a choice belongs to.
     */
    record ChoiceQuestion(String questionKey, String text, List<Choice> choices) implements Part {
        public ChoiceQuestion {
            choices = List.copyOf(choices);
        }
    }

    /** A question answered by typing free text. */
    record TextQuestion(String questionKey, String text) implements Part {
    }

    /** Buttons for actions (Start, Versturen, Wijzig). */
    record Actions(List<Choice> buttons) implements Part {
        public Actions {
            buttons = List.copyOf(buttons);
        }
    }

    /** A PNG image with its alternative text (for screen readers and notifications). */
    record Image(byte[] png, String altText, String fileName) implements Part {
    }

    /**
     * A file for the person to keep (an Excel export, their data as JSON): adapters upload it
     * (Slack) or offer it for download (Teams); {@code description} says what it is.
     */
    record File(byte[] content, String fileName, String mediaType, String description) implements Part {
    }

    /**
     * A choice or button: {@code actionId} says what it does, {@code value} what was chosen,
     * {@code label} what the person sees.
     */
    record Choice(String actionId, String value, String label) {
    }
}
