package nl.borgingsbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;

/**
 * Renders a core {@link Message} as Block Kit. Every text is shown literally (see
 * {@link SlackText#literal}); text a partner typed ({@link Part.UserText}) is quoted. Buttons
 * carry the core's action id with a {@code #n} suffix, because Slack wants action ids unique
 * within a block; {@link #actionIdOf} takes it off again.
 */
public final class BlockKitRenderer {

    /** Slack's limits: blocks per message, elements per actions block, fields per section. */
    static final int MAX_BLOCKS = 50;
    static final int MAX_BUTTONS = 25;
    static final int MAX_FIELDS = 10;
    private static final int HEADER_LIMIT = 150;
    private static final int BUTTON_LIMIT = 75;
    private static final int FIELD_LIMIT = 2000;
    private static final String SUFFIX = "#";

    private final NoteDialog notes;

    /** A renderer whose own few labels (the toelichting button) are in Dutch, the bot's default. */
    public BlockKitRenderer() {
        this(Texts.of(Locale.forLanguageTag("nl")));
    }

    public BlockKitRenderer(Texts texts) {
        this.notes = new NoteDialog(texts);
    }

    NoteDialog notes() {
        return notes;
    }

    /** A rendered message: its blocks and the plain fallback text Slack shows in notifications. */
    public record Rendered(List<LayoutBlock> blocks, String fallbackText) {
    }

    /** Renders a message without its image (or with the image left out because it is not uploaded). */
    public Rendered render(Message message) {
        return render(message, Optional.empty());
    }

    /**
     * Renders a message as one list of blocks (for a reply that is known to fit, e.g. a command's
     * answer or the App Home); its {@link Part.Image}, if any, becomes an image block showing the
     * already uploaded Slack file {@code uploadedFileId}. Nothing is cut: a message to post uses
     * {@link #pages}.
     */
    public Rendered render(Message message, Optional<String> uploadedFileId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Part part : message.parts()) {
            add(blocks, part, uploadedFileId);
        }
        return new Rendered(List.copyOf(blocks), fallback(message));
    }

    /**
     * Renders a message as as many Slack messages as its blocks need ({@value #MAX_BLOCKS} blocks
     * each), in order, never cutting anything off. A part is not split over two messages unless it
     * alone is larger than one, and a heading stays with what follows it.
     */
    public List<Rendered> pages(Message message, Optional<String> uploadedFileId) {
        String fallback = fallback(message);
        List<Rendered> pages = new ArrayList<>();
        List<LayoutBlock> page = new ArrayList<>();
        for (int i = 0; i < message.parts().size(); i++) {
            List<LayoutBlock> group = new ArrayList<>();
            add(group, message.parts().get(i), uploadedFileId);
            // a heading goes with the part after it
            while (message.parts().get(i) instanceof Part.Heading && i + 1 < message.parts().size()) {
                add(group, message.parts().get(++i), uploadedFileId);
            }
            if (!page.isEmpty() && page.size() + group.size() > MAX_BLOCKS) {
                pages.add(new Rendered(List.copyOf(page), fallback));
                page.clear();
            }
            for (LayoutBlock block : group) {
                if (page.size() == MAX_BLOCKS) {
                    pages.add(new Rendered(List.copyOf(page), fallback));
                    page.clear();
                }
                page.add(block);
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(new Rendered(List.copyOf(page), fallback));
        }
        return List.copyOf(pages);
    }

    /** The core's action id of a Slack button's action id. */
    public static String actionIdOf(String slackActionId) {
        int suffix = slackActionId.lastIndexOf(SUFFIX);
        return suffix < 0 ? slackActionId : slackActionId.substring(0, suffix);
    }

    private void add(List<LayoutBlock> blocks, Part part, Optional<String> fileId) {
        if (part instanceof Part.Heading heading) {
            blocks.add(HeaderBlock.builder().text(plain(SlackText.truncate(heading.text(), HEADER_LIMIT))).build());
        } else if (part instanceof Part.Paragraph paragraph) {
            sections(blocks, SlackText.literal(paragraph.text()));
        } else if (part instanceof Part.UserText user) {
            sections(blocks, quote(user.text()));
            user.attribution().ifPresent(a -> blocks.add(ContextBlock.builder()
                    .elements(List.of(literal("— " + SlackText.literal(a)))).build()));
        } else if (part instanceof Part.Bullets bullets) {
            sections(blocks, bullets.items().stream().map(item -> "• " + SlackText.literal(item))
                    .collect(Collectors.joining("\n")));
        } else if (part instanceof Part.Facts facts) {
            facts(blocks, facts.facts());
        } else if (part instanceof Part.ChoiceQuestion question) {
            sections(blocks, SlackText.literal(question.text()));
            buttons(blocks, question.choices(), notes.button(question.choices(), question.choices().size()));
        } else if (part instanceof Part.TextQuestion question) {
            sections(blocks, SlackText.literal(question.text()));
        } else if (part instanceof Part.Actions actions) {
            buttons(blocks, actions.buttons(), Optional.empty());
        } else if (part instanceof Part.Image image && fileId.isPresent()) {
            blocks.add(ImageBlock.builder().slackFile(SlackFileObject.builder().id(fileId.get()).build())
                    .altText(SlackText.truncate(image.altText(), FIELD_LIMIT)).build());
        }
    }

    private static String quote(String text) {
        return text.lines().map(line -> "&gt; " + SlackText.literal(line)).collect(Collectors.joining("\n"));
    }

    private static void sections(List<LayoutBlock> blocks, String text) {
        for (String piece : SlackText.split(text, SlackText.SECTION_LIMIT)) {
            blocks.add(SectionBlock.builder().text(literal(piece)).build());
        }
    }

    private static void facts(List<LayoutBlock> blocks, List<Part.Fact> facts) {
        for (int from = 0; from < facts.size(); from += MAX_FIELDS) {
            List<TextObject> fields = new ArrayList<>();
            for (Part.Fact fact : facts.subList(from, Math.min(facts.size(), from + MAX_FIELDS))) {
                fields.add(literal(SlackText.truncate(SlackText.literal(fact.label()) + "\n"
                        + SlackText.literal(fact.value()), FIELD_LIMIT)));
            }
            blocks.add(SectionBlock.builder().fields(fields).build());
        }
    }

    private static void buttons(List<LayoutBlock> blocks, List<Part.Choice> choices, Optional<ButtonElement> extra) {
        for (int from = 0; from < choices.size(); from += MAX_BUTTONS) {
            List<BlockElement> elements = new ArrayList<>();
            for (int i = from; i < Math.min(choices.size(), from + MAX_BUTTONS); i++) {
                Part.Choice choice = choices.get(i);
                elements.add(ButtonElement.builder()
                        .actionId(choice.actionId() + SUFFIX + i)
                        .value(choice.value())
                        .text(plain(SlackText.truncate(choice.label(), BUTTON_LIMIT)))
                        .build());
            }
            if (extra.isPresent() && from + MAX_BUTTONS >= choices.size() && elements.size() < MAX_BUTTONS) {
                elements.add(extra.get());
            }
            blocks.add(ActionsBlock.builder().elements(elements).build());
        }
    }

    private static String fallback(Message message) {
        return message.parts().stream()
                .filter(p -> p instanceof Part.Heading || p instanceof Part.Paragraph)
                .map(p -> p instanceof Part.Heading h ? h.text() : ((Part.Paragraph) p).text())
                .findFirst()
                .map(text -> SlackText.truncate(SlackText.literal(text), SlackText.SECTION_LIMIT))
                .orElse("Borgingsbot");
    }

    static MarkdownTextObject literal(String mrkdwn) {
        return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
    }

    static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }
}
