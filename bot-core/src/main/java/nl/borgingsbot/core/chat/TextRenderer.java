package nl.borgingsbot.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a {@link Message} as Markdown text: for the console demo and the demo's report.md.
 * Text a person typed is escaped so that it shows as written and never becomes markup.
 */
public final class TextRenderer {

    private final Function<Part.Image, String> images;

    /** @param images how to show an image, e.g. a Markdown image link to the file it was saved as */
    public TextRenderer(Function<Part.Image, String> images) {
        this.images = images;
    }

    public String render(Message message) {
        List<String> blocks = new ArrayList<>();
        for (Part part : message.parts()) {
            blocks.add(render(part));
        }
        return String.join("\n\n", blocks);
    }

    private String render(Part part) {
        if (part instanceof Part.Heading heading) {
            return "## " + heading.text();
        }
        if (part instanceof Part.Paragraph paragraph) {
            return paragraph.text();
        }
        if (part instanceof Part.UserText user) {
            String quoted = escape(user.text()).lines().map(line -> "> " + line).collect(Collectors.joining("\n"));
            return user.attribution().map(a -> quoted + "\n> — *" + escape(a) + "*").orElse(quoted);
        }
        if (part instanceof Part.Bullets bullets) {
            return bullets.items().stream().map(item -> "- " + item).collect(Collectors.joining("\n"));
        }
        if (part instanceof Part.Facts facts) {
            return facts.facts().stream().map(f -> "- **" + f.label() + "**: " + f.value())
                    .collect(Collectors.joining("\n"));
        }
        if (part instanceof Part.ChoiceQuestion question) {
            return "**" + question.text() + "**\n" + buttons(question.choices());
        }
        if (part instanceof Part.TextQuestion question) {
            return "**" + question.text() + "**";
        }
        if (part instanceof Part.Actions actions) {
            return buttons(actions.buttons());
        }
        if (part instanceof Part.File file) {
            return "[" + file.description() + ": " + file.fileName() + ", " + file.content().length + " bytes]";
        }
        return images.apply((Part.Image) part);
    }

    private static String buttons(List<Part.Choice> choices) {
        return choices.stream().map(c -> "[" + c.label() + "]").collect(Collectors.joining(" "));
    }

    /** Backslash-escapes Markdown and HTML so a partner's text shows literally. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]()<>#+-!|~".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
