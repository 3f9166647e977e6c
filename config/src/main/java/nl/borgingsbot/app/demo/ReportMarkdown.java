package nl.borgingsbot.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.TextRenderer;

/**
 * The demo's {@code report.md}: the channel report and the replies in its thread as one Markdown
 * document. The report's title is the document's only level-1 heading, its sections are level 2;
 * each thread reply's first heading is level 2 and its own sections level 3. Sentences that only
 * make sense in the chat (where the reflections are "in the thread under this message") are left out.
 */
final class ReportMarkdown {

    private final TextRenderer renderer;
    private final List<String> chatOnly;

    /**
     * @param images   how to show an image, e.g. a link to the file it was saved as
     * @param chatOnly paragraphs left out of the file
     */
    ReportMarkdown(Function<Part.Image, String> images, List<String> chatOnly) {
        this.renderer = new TextRenderer(images);
        this.chatOnly = List.copyOf(chatOnly);
    }

    String render(Message report, List<Message> thread) {
        List<String> blocks = new ArrayList<>();
        add(blocks, report, 1);
        thread.forEach(reply -> add(blocks, reply, 2));
        return String.join("\n\n", blocks) + "\n";
    }

    private void add(List<String> blocks, Message message, int level) {
        boolean first = true;
        for (Part part : message.parts()) {
            if (part instanceof Part.Heading heading) {
                blocks.add("#".repeat(first ? level : level + 1) + " " + heading.text());
                first = false;
            } else if (!(part instanceof Part.Paragraph paragraph && chatOnly.contains(paragraph.text()))) {
                blocks.add(renderer.render(Message.of(part)));
            }
        }
    }
}
