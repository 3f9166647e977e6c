package nl.borgingsbot.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A platform-neutral message: an ordered list of parts. */
public record Message(List<Part> parts) {

    public Message {
        parts = List.copyOf(parts);
    }

    public static Message of(Part... parts) {
        return new Message(List.of(parts));
    }

    public static Message text(String paragraph) {
        return of(new Part.Paragraph(paragraph));
    }

    public Optional<Part.Image> image() {
        return parts.stream().filter(Part.Image.class::isInstance).map(Part.Image.class::cast).findFirst();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        public Builder add(Part part) {
            parts.add(part);
            return this;
        }

        public Builder heading(String text) {
            return add(new Part.Heading(text));
        }

        public Builder paragraph(String text) {
            return add(new Part.Paragraph(text));
        }

        public boolean isEmpty() {
            return parts.isEmpty();
        }

        public Message build() {
            return new Message(parts);
        }
    }
}
