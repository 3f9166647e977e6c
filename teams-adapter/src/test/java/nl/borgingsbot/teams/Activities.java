package nl.borgingsbot.teams;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Activity JSON as Teams sends it to a bot: personal messages and card submits, channel messages
 * that mention the bot, install events. Timestamps come without fractional seconds, as Teams
 * sometimes sends them.
 */
final class Activities {

    static final String TENANT = "tenant-1";
    static final String BOT_ID = "28:app-borgingsbot";
    static final String BOT_NAME = "Borgingsbot";
    static final String CHANNEL = "19:regio-noord@thread.tacv2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String serviceUrl;
    private final String channel;

    Activities(String serviceUrl) {
        this(serviceUrl, CHANNEL);
    }

    /** Activities in another region channel than {@link #CHANNEL}. */
    Activities(String serviceUrl, String channel) {
        this.serviceUrl = serviceUrl;
        this.channel = channel;
    }

    static String personalConversation(String user) {
        return "a:personal-" + user;
    }

    static String teamsId(String user) {
        return "29:" + user;
    }

    static String aad(String user) {
        return "aad-" + user;
    }

    private ObjectNode base(String type, String user) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type).put("id", "in-" + IDS.incrementAndGet()).put("timestamp", "2026-11-23T09:15:30Z")
                .put("localTimestamp", "2026-11-23T10:15:30+01:00")
                .put("channelId", "msteams").put("serviceUrl", serviceUrl).put("locale", "nl-NL");
        activity.putObject("from").put("id", teamsId(user)).put("name", user).put("aadObjectId", aad(user));
        activity.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
        return activity;
    }

    private ObjectNode personal(String type, String user) {
        ObjectNode activity = base(type, user);
        activity.putObject("conversation").put("conversationType", "personal").put("tenantId", TENANT)
                .put("id", personalConversation(user));
        return activity;
    }

    private ObjectNode inChannel(String type, String user, String thread) {
        ObjectNode activity = base(type, user);
        activity.putObject("conversation").put("conversationType", "channel").put("isGroup", true)
                .put("tenantId", TENANT).put("id", channel + (thread.isEmpty() ? "" : ";messageid=" + thread));
        ObjectNode data = (ObjectNode) activity.get("channelData");
        data.putObject("channel").put("id", channel);
        data.putObject("team").put("id", "19:general@thread.tacv2");
        data.put("teamsChannelId", channel);
        return activity;
    }

    /** The app installed in a person's personal scope. */
    String installPersonal(String user) {
        ObjectNode activity = personal("installationUpdate", user);
        activity.put("action", "add");
        return activity.toString();
    }

    /** The bot added to the team of the region channel. */
    String installInTeam(String user) {
        ObjectNode activity = inChannel("conversationUpdate", user, "");
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        return activity.toString();
    }

    /** A message in the 1:1 chat. */
    String dm(String user, String text) {
        return personal("message", user).put("text", text).put("textFormat", "plain").toString();
    }

    /** An Action.Submit from a card in the 1:1 chat: the card's data plus the typed toelichting. */
    String submit(String user, String replyToId, JsonNode data, String note) {
        ObjectNode value = ((ObjectNode) data).deepCopy();
        value.put(AdaptiveCards.NOTE, note);
        ObjectNode activity = personal("message", user);
        activity.put("replyToId", replyToId);
        activity.set("value", value);
        return activity.toString();
    }

    /** A person's answer to a file consent card in the 1:1 chat. */
    String fileConsent(String user, String fileId, String action, String uploadUrl) {
        ObjectNode activity = personal("invoke", user);
        activity.put("name", "fileConsent/invoke");
        ObjectNode value = activity.putObject("value").put("type", "fileUpload").put("action", action);
        value.putObject("context").put("fileId", fileId);
        value.putObject("uploadInfo").put("name", "export.xlsx").put("uploadUrl", uploadUrl)
                .put("contentUrl", "https://contoso.example/personal/export.xlsx").put("uniqueId", "unique-1")
                .put("fileType", "xlsx");
        return activity.toString();
    }

    /**
     * A message in the region channel that mentions the bot, in a thread; {@code mentioned} are
     * people mentioned after the command words ({@code <at>name</at>} in the text).
     */
    String mention(String user, String thread, String text, String... mentioned) {
        ObjectNode activity = inChannel("message", user, thread);
        activity.put("text", "<at>" + BOT_NAME + "</at> " + text).put("textFormat", "plain");
        ArrayNode entities = activity.putArray("entities");
        ObjectNode bot = entities.addObject().put("type", "mention").put("text", "<at>" + BOT_NAME + "</at>");
        bot.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
        for (String person : mentioned) {
            ObjectNode mention = entities.addObject().put("type", "mention").put("text", "<at>" + person + "</at>");
            mention.putObject("mentioned").put("id", teamsId(person)).put("name", person);
        }
        entities.addObject().put("type", "clientInfo").put("locale", "nl-NL");
        return activity.toString();
    }
}
