package nl.borgingsbot.teams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;

/**
 * Renders the core's {@link Message} as an Adaptive Card (schema 1.5) in a message activity.
 *
 * <ul>
 *   <li>Bot text (headings, paragraphs, bullets, facts) becomes TextBlocks and a FactSet.</li>
 *   <li>Text a partner typed ({@link Part.UserText}) becomes a RichTextBlock of TextRuns: a TextRun
 *   is shown literally (Adaptive Cards apply no Markdown to it and never render HTML), and the
 *   activity carries no mention entities, so no markup, link or {@code <at>} mention from a
 *   partner takes effect.</li>
 *   <li>A question with choices (the 1–5 scale) becomes the question, an optional toelichting
 *   input and one Action.Submit per choice; buttons become Action.Submit too. Each submit carries
 *   {@code actionId}/{@code value} for the core and the label and question, so that the card can
 *   be replaced by a read-only one showing the choice.</li>
 *   <li>An image becomes an inline {@code data:image/png;base64} Image.</li>
 * </ul>
 */
public final class AdaptiveCards {

    /** The content type of an Adaptive Card attachment. */
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The keys of the data an Action.Submit sends back. */
    public static final String ACTION_ID = "borgingAction";
    public static final String VALUE = "borgingValue";
    public static final String LABEL = "borgingLabel";
    public static final String QUESTION = "borgingQuestion";
    /** The id of the toelichting input on a question card. */
    public static final String NOTE = "note";

    /**
     * The most a card's JSON may take, not counting an inline image: Teams takes about 100 KB a
     * message; the rest of the 256 KB a request may take is for the image.
     */
    static final int CARD_LIMIT = 90 * 1024;
    private static final String DATA_URI = "data:image/png;base64,";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";

    private AdaptiveCards() {
    }

    /** A message activity carrying the message as one Adaptive Card (the image inline, as it is). */
    public static Activity activity(Message message) {
        return activityOf(card(message), summary(message));
    }

    /**
     * The message as as many message activities as it needs, in order, never dropping a part: each
     * card's JSON at most {@value #CARD_LIMIT} bytes not counting an inline image (whose size the
     * caller keeps within the request limit). A part is not split over two cards unless it alone
     * is too large, and a heading stays with what follows it. {@code imageUrl} gives the URL an
     * image is shown from (a {@code data:} URI or a link); empty leaves the image out.
     */
    public static List<Activity> activities(Message message, Function<Part.Image, Optional<String>> imageUrl) {
        String summary = summary(message);
        List<Activity> activities = new ArrayList<>();
        ObjectNode card = emptyCard();
        int size = 0;
        List<Part> parts = message.parts();
        for (int i = 0; i < parts.size(); i++) {
            ArrayNode group = JSON.arrayNode();
            render(parts.get(i), group, imageUrl);
            while (parts.get(i) instanceof Part.Heading && i + 1 < parts.size()) {
                render(parts.get(++i), group, imageUrl);
            }
            int groupSize = 0;
            for (JsonNode element : group) {
                groupSize += sizeWithoutInlineImages(element);
            }
            // a group that does not fit in this card starts the next; only one too large for any card is split
            boolean startNewCard = size + groupSize > CARD_LIMIT;
            for (JsonNode element : group) {
                int elementSize = sizeWithoutInlineImages(element);
                if (!((ArrayNode) card.get("body")).isEmpty() && (startNewCard || size + elementSize > CARD_LIMIT)) {
                    activities.add(activityOf(card, summary));
                    card = emptyCard();
                    size = 0;
                }
                startNewCard = false;
                ((ArrayNode) card.get("body")).add(element);
                size += elementSize;
            }
        }
        if (!((ArrayNode) card.get("body")).isEmpty() || activities.isEmpty()) {
            activities.add(activityOf(card, summary));
        }
        return List.copyOf(activities);
    }

    /** The data URI of a PNG, to show it inline. */
    static String dataUri(byte[] png) {
        return DATA_URI + Base64.getEncoder().encodeToString(png);
    }

    private static int sizeWithoutInlineImages(JsonNode element) {
        String json = element.toString();
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        int at = json.indexOf(DATA_URI);
        while (at >= 0) {
            int end = json.indexOf('"', at);
            size -= (end < 0 ? json.length() : end) - at;
            at = json.indexOf(DATA_URI, at + 1);
        }
        return size;
    }

    /** A message activity with the read-only version of a card after the person chose {@code label}. */
    public static Activity chosen(Optional<String> question, String label) {
        ObjectNode card = emptyCard();
        ArrayNode body = (ArrayNode) card.get("body");
        question.ifPresent(q -> body.add(literal(Optional.empty(), q)));
        ObjectNode choice = literal(Optional.empty(), "\u2713 " + label);
        ((ObjectNode) choice.get("inlines").get(0)).put("weight", "Bolder");
        body.add(choice);
        return activityOf(card, "\u2713 " + label);
    }

    /** The Adaptive Card for a message. */
    public static ObjectNode card(Message message) {
        ObjectNode card = emptyCard();
        ArrayNode body = (ArrayNode) card.get("body");
        for (Part part : message.parts()) {
            render(part, body, image -> Optional.of(dataUri(image.png())));
        }
        return card;
    }

    private static ObjectNode emptyCard() {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", "1.5");
        card.putArray("body");
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private static Activity activityOf(ObjectNode card, String summary) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setAttachments(List.of(attachment));
        activity.setSummary(summary);
        return activity;
    }

    private static void render(Part part, ArrayNode body, Function<Part.Image, Optional<String>> imageUrl) {
        if (part instanceof Part.Heading heading) {
            body.add(text(heading.text()).put("size", "Large").put("weight", "Bolder"));
        } else if (part instanceof Part.Paragraph paragraph) {
            body.add(text(paragraph.text()));
        } else if (part instanceof Part.UserText user) {
            body.add(literal(user.attribution(), user.text()));
        } else if (part instanceof Part.Bullets bullets) {
            body.add(text(String.join("\n", bullets.items().stream().map(item -> "- " + item).toList())));
        } else if (part instanceof Part.Facts facts) {
            ObjectNode set = body.addObject().put("type", "FactSet");
            ArrayNode list = set.putArray("facts");
            facts.facts().forEach(f -> list.addObject().put("title", f.label()).put("value", f.value()));
        } else if (part instanceof Part.ChoiceQuestion question) {
            body.add(text(question.text()).put("weight", "Bolder"));
            body.addObject().put("type", "Input.Text").put("id", NOTE).put("isMultiline", true)
                    .put("maxLength", 2000)
                    .put("placeholder", Texts.of(Region.DUTCH).get("teams.card.note"));
            body.add(actions(question.choices(), Optional.of(question.text())));
        } else if (part instanceof Part.TextQuestion question) {
            body.add(text(question.text()).put("weight", "Bolder"));
        } else if (part instanceof Part.Actions actions) {
            body.add(actions(actions.buttons(), Optional.empty()));
        } else if (part instanceof Part.Image image) {
            imageUrl.apply(image).ifPresent(url -> body.addObject().put("type", "Image")
                    .put("url", url)
                    .put("altText", image.altText())
                    .put("size", "Stretch"));
        }
    }

    private static ObjectNode text(String text) {
        return JSON.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    /** Text shown exactly as typed: TextRuns get no Markdown, and Adaptive Cards render no HTML. */
    static ObjectNode literal(Optional<String> attribution, String text) {
        ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        inlines.addObject().put("type", "TextRun").put("text", text);
        attribution.ifPresent(a -> inlines.addObject().put("type", "TextRun").put("text", "\n\u2014 " + a)
                .put("italic", true).put("isSubtle", true));
        return block;
    }

    private static ObjectNode actions(List<Part.Choice> choices, Optional<String> question) {
        ObjectNode set = JSON.objectNode().put("type", "ActionSet");
        ArrayNode list = set.putArray("actions");
        for (Part.Choice choice : choices) {
            ObjectNode submit = list.addObject().put("type", "Action.Submit").put("title", choice.label());
            ObjectNode data = submit.putObject("data");
            data.put(ACTION_ID, choice.actionId()).put(VALUE, choice.value()).put(LABEL, choice.label());
            question.ifPresent(q -> data.put(QUESTION, q));
        }
        return set;
    }

    /** The notification text: the first heading or paragraph the bot wrote (never a partner's text). */
    static String summary(Message message) {
        for (Part part : message.parts()) {
            if (part instanceof Part.Heading heading) {
                return heading.text();
            }
            if (part instanceof Part.Paragraph paragraph) {
                return paragraph.text();
            }
        }
        return "";
    }

    /** The card content of an activity built here, for tests and size checks. */
    static JsonNode content(Activity activity) {
        return (JsonNode) activity.getAttachments().get(0).getContent();
    }
}
