package nl.borgingsbot.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the Adaptive Cards the bot sent, as a person in Teams would see and click them. */
final class Cards {

    private Cards() {
    }

    /** The card of a message activity. */
    static JsonNode card(JsonNode activity) {
        return activity.path("attachments").path(0).path("content");
    }

    /** Every text on the card: text blocks, text runs, facts and button titles. */
    static String text(JsonNode activity) {
        List<String> texts = new ArrayList<>();
        collect(card(activity), texts);
        return String.join("\n", texts);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            for (String field : List.of("text", "title", "value")) {
                if (node.path(field).isTextual()) {
                    texts.add(node.get(field).asText());
                }
            }
            node.elements().forEachRemaining(child -> collect(child, texts));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, texts));
        }
    }

    /** The data of the Action.Submit whose title starts with {@code label}. */
    static Optional<JsonNode> button(JsonNode activity, String label) {
        return find(card(activity), label);
    }

    private static Optional<JsonNode> find(JsonNode node, String label) {
        if (node.isObject() && "Action.Submit".equals(node.path("type").asText())
                && node.path("title").asText().startsWith(label)) {
            return Optional.of(node.get("data"));
        }
        if (node.isContainerNode()) {
            for (JsonNode child : (Iterable<JsonNode>) node::elements) {
                Optional<JsonNode> found = find(child, label);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Elements of a type anywhere on the card. */
    static List<JsonNode> elements(JsonNode activity, String type) {
        List<JsonNode> found = new ArrayList<>();
        elements(card(activity), type, found);
        return found;
    }

    private static void elements(JsonNode node, String type, List<JsonNode> found) {
        if (node.isObject() && type.equals(node.path("type").asText())) {
            found.add(node);
        }
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> elements(child, type, found));
        }
    }
}
