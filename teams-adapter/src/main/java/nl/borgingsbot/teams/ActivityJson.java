package nl.borgingsbot.teams;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

/**
 * Reads an Activity from the JSON body of a request with the SDK's own {@link Serialization}
 * (Jackson 2), after normalising its timestamp.
 *
 * <p>The SDK (4.14.3) reads {@code timestamp} with the pattern {@code yyyy-MM-dd'T'HH:mm:ss.nXXX}:
 * it rejects a timestamp without fractional seconds, which Teams sends at times (botbuilder-java
 * issues 1467 and 1502), and reads a fraction such as {@code .8479315} as that many nanoseconds.
 * So the timestamp is parsed here as ISO-8601 and written back with all nine digits of nanos,
 * which the SDK's pattern reads correctly.
 */
public final class ActivityJson {

    private static final DateTimeFormatter SDK_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnnXXX");

    private ActivityJson() {
    }

    /**
     * Parses an Activity.
     *
     * @param json the request body
     * @return the activity
     * @throws IllegalArgumentException when the body is not an activity
     */
    public static Activity parse(String json) {
        JsonNode tree;
        try {
            tree = Serialization.jsonToTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an activity is a JSON object");
        }
        normaliseTimestamp(object, "timestamp");
        try {
            Activity activity = Serialization.treeToValue(object, Activity.class);
            if (activity == null || activity.getType() == null) {
                throw new IllegalArgumentException("not an activity");
            }
            return activity;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an activity: " + e.getMessage(), e);
        }
    }

    /** Rewrites an ISO-8601 timestamp (with or without a fraction) in the form the SDK reads. */
    static void normaliseTimestamp(ObjectNode activity, String field) {
        JsonNode value = activity.get(field);
        if (value == null || !value.isTextual()) {
            return;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.asText());
            activity.put(field, SDK_TIMESTAMP.format(parsed));
        } catch (DateTimeParseException e) {
            activity.remove(field); // an unreadable timestamp is not worth losing the message for
        }
    }

}
