package nl.borgingsbot.core.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

/** A {@link Message} as JSON for the outbox's {@code message} column, and back (bytes as base64). */
final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageCodec() {
    }

    static String encode(Message message) {
        ArrayNode parts = JSON.createArrayNode();
        for (Part part : message.parts()) {
            parts.add(encode(part));
        }
        return parts.toString();
    }

    static Message decode(String json) {
        try {
            List<Part> parts = new ArrayList<>();
            for (JsonNode part : JSON.readTree(json)) {
                parts.add(decode(part));
            }
            return new Message(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("not a stored message", e);
        }
    }

    private static ObjectNode encode(Part part) {
        ObjectNode node = JSON.createObjectNode().put("type", part.getClass().getSimpleName());
        if (part instanceof Part.Heading heading) {
            node.put("text", heading.text());
        } else if (part instanceof Part.Paragraph paragraph) {
            node.put("text", paragraph.text());
        } else if (part instanceof Part.UserText text) {
            node.put("text", text.text());
            text.attribution().ifPresent(a -> node.put("attribution", a));
        } else if (part instanceof Part.Bullets bullets) {
            bullets.items().forEach(node.putArray("items")::add);
        } else if (part instanceof Part.Facts facts) {
            ArrayNode list = node.putArray("facts");
            facts.facts().forEach(f -> list.addObject().put("label", f.label()).put("value", f.value()));
        } else if (part instanceof Part.ChoiceQuestion question) {
            node.put("key", question.questionKey()).put("text", question.text());
            choices(node, question.choices());
        } else if (part instanceof Part.TextQuestion question) {
            node.put("key", question.questionKey()).put("text", question.text());
        } else if (part instanceof Part.Actions actions) {
            choices(node, actions.buttons());
        } else if (part instanceof Part.Image image) {
            node.put("bytes", image.png()).put("text", image.altText()).put("fileName", image.fileName());
        } else if (part instanceof Part.File file) {
            node.put("bytes", file.content()).put("fileName", file.fileName()).put("mediaType", file.mediaType())
                    .put("text", file.description());
        }
        return node;
    }

    private static void choices(ObjectNode node, List<Part.Choice> choices) {
        ArrayNode list = node.putArray("choices");
        choices.forEach(c -> list.addObject().put("actionId", c.actionId()).put("value", c.value()).put("label", c.label()));
    }

    private static Part decode(JsonNode node) throws IOException {
        String text = node.path("text").asString();
        return switch (node.path("type").asString()) {
            case "Heading" -> new Part.Heading(text);
            case "Paragraph" -> new Part.Paragraph(text);
            case "UserText" -> new Part.UserText(Optional.ofNullable(node.get("attribution")).map(JsonNode::asString), text);
            case "Bullets" -> {
                List<String> items = new ArrayList<>();
                node.path("items").forEach(i -> items.add(i.asString()));
                yield new Part.Bullets(items);
            }
            case "Facts" -> {
                List<Part.Fact> facts = new ArrayList<>();
                node.path("facts").forEach(f -> facts.add(new Part.Fact(f.path("label").asString(), f.path("value").asString())));
                yield new Part.Facts(facts);
            }
            case "ChoiceQuestion" -> new Part.ChoiceQuestion(node.path("key").asString(), text, choices(node));
            case "TextQuestion" -> new Part.TextQuestion(node.path("key").asString(), text);
            case "Actions" -> new Part.Actions(choices(node));
            case "Image" -> new Part.Image(node.path("bytes").binaryValue(), text, node.path("fileName").asString());
            case "File" -> new Part.File(node.path("bytes").binaryValue(), node.path("fileName").asString(),
                    node.path("mediaType").asString(), text);
            default -> throw new IOException("unknown part " + node.path("type").asString());
        };
    }

    private static List<Part.Choice> choices(JsonNode node) {
        List<Part.Choice> choices = new ArrayList<>();
        node.path("choices").forEach(c -> choices.add(new Part.Choice(c.path("actionId").asString(),
                c.path("value").asString(), c.path("label").asString())));
        return choices;
    }
}
