package nl.borgingsbot.slack.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** What Slack sends: slash command fields, DM message events and block_actions, as Slack shapes them. */
public final class SlackPayloads {

    private SlackPayloads() {
    }

    /** The fields of a {@code /borging} slash command. */
    public static Map<String, String> command(String user, String channel, String text, String responseUrl,
                                              String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy");
        form.put("team_id", FakeSlack.TEAM);
        form.put("team_domain", "fake");
        form.put("channel_id", channel);
        form.put("channel_name", "regio");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/borging");
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return form;
    }

    /** An event_callback with a message.im event from {@code user}. */
    public static JsonObject dmEvent(String eventId, String user, String text, String ts) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("channel", FakeSlack.dmChannel(user));
        event.addProperty("channel_type", "im");
        event.addProperty("user", user);
        event.addProperty("text", text);
        event.addProperty("ts", ts + ".000200");
        event.addProperty("event_ts", ts + ".000200");
        event.addProperty("team", FakeSlack.TEAM);
        JsonObject payload = new JsonObject();
        payload.addProperty("token", "legacy");
        payload.addProperty("team_id", FakeSlack.TEAM);
        payload.addProperty("api_app_id", "A1");
        payload.add("event", event);
        payload.addProperty("type", "event_callback");
        payload.addProperty("event_id", eventId);
        payload.addProperty("event_time", Instant.now().getEpochSecond());
        return payload;
    }

    /** A block_actions payload: {@code user} clicks the first button starting with {@code label} in {@code message}. */
    public static JsonObject click(String user, FakeSlack.Call message, String ts, String label, String responseUrl,
                                   String unique) {
        JsonObject button = null;
        String blockId = null;
        for (JsonElement block : message.blocks()) {
            JsonObject b = block.getAsJsonObject();
            if (!"actions".equals(b.get("type").getAsString())) {
                continue;
            }
            for (JsonElement element : b.getAsJsonArray("elements")) {
                JsonObject e = element.getAsJsonObject();
                if (button == null && e.getAsJsonObject("text").get("text").getAsString().startsWith(label)) {
                    button = e;
                    blockId = b.get("block_id").getAsString();
                }
            }
        }
        if (button == null) {
            throw new AssertionError("no button '" + label + "' in " + message.visibleText());
        }
        String channel = message.param("channel");
        JsonObject action = new JsonObject();
        action.addProperty("type", "button");
        action.addProperty("action_id", button.get("action_id").getAsString());
        action.addProperty("block_id", blockId);
        action.add("text", button.get("text"));
        action.addProperty("value", button.get("value").getAsString());
        action.addProperty("action_ts", unique + ".000300");
        JsonObject posted = new JsonObject();
        posted.addProperty("type", "message");
        posted.addProperty("user", FakeSlack.BOT_USER);
        posted.addProperty("bot_id", "BBOT");
        posted.addProperty("ts", ts);
        posted.addProperty("text", message.param("text"));
        posted.add("blocks", message.blocks());
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", ts);
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", false);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("user", object("id", user, "username", user.toLowerCase(), "team_id", FakeSlack.TEAM));
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("token", "legacy");
        payload.add("container", container);
        payload.addProperty("trigger_id", "t" + unique);
        payload.add("team", object("id", FakeSlack.TEAM, "domain", "fake"));
        payload.add("channel", object("id", channel, "name", "directmessage"));
        payload.add("message", posted);
        payload.addProperty("response_url", responseUrl);
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return payload;
    }

    static JsonObject object(String... keysAndValues) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
