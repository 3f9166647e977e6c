package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/**
 * The toelichting behind a score: "Toelichting…" opens a modal (views.open on the fake) with the
 * scale and a text field; its signed view_submission stores the score with the note, makes the
 * question read-only and moves on, as a typed "4 omdat …" would.
 */
class SlackNoteDialogTest extends SlackBotTest {

    @Test
    void aScoreWithItsToelichtingFromTheModal() {
        test.commandAndWait(SlackTestBot.ADMIN, "regio koppel Noord");
        test.commandAndWait(SlackTestBot.ADMIN, "partner toevoegen <@U1|u1> Organisatie U1");
        test.commandAndWait(SlackTestBot.ADMIN, "ronde start");
        slack.awaitPosts(FakeSlack.dmChannel("U1"), 1);
        test.dmAndWait("U1", "start");
        test.dmAndWait("U1", "a");
        test.dmAndWait("U1", "b");
        FakeSlack.Call statement = test.dmAndWait("U1", "c");
        assertThat(statement.visibleText()).contains("Stelling 1 van 7").contains("Toelichting…");

        String click = test.clickPayload("U1", statement, test.tsOf(statement), "Toelichting");
        assertThat(test.send(click, "application/x-www-form-urlencoded", Map.of()).statusCode()).isEqualTo(200);
        FakeSlack.Call opened = slack.await("views.open", all -> !slack.calls("views.open").isEmpty())
                .stream().filter(c -> c.method().equals("views.open")).findFirst().orElseThrow();
        JsonObject view = JsonParser.parseString(opened.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("slack.note");
        assertThat(opened.param("trigger_id")).isNotEmpty();
        JsonArray options = view.getAsJsonArray("blocks").get(0).getAsJsonObject().getAsJsonObject("element")
                .getAsJsonArray("options");
        assertThat(options).hasSize(5);
        String four = null;
        for (JsonElement option : options) {
            if (option.getAsJsonObject().getAsJsonObject("text").get("text").getAsString().startsWith("4")) {
                four = option.getAsJsonObject().get("value").getAsString();
            }
        }

        String submission = submission(view, four, "omdat we <!here> elk kwartaal evalueren");
        assertThat(test.send(SlackTestBot.form(Map.of("payload", submission)), "application/x-www-form-urlencoded",
                Map.of()).statusCode()).isEqualTo(200);
        FakeSlack.Call next = slack.awaitPosts(FakeSlack.dmChannel("U1"), 6).get(5);
        assertThat(next.visibleText()).contains("Stelling 2 van 7");
        FakeSlack.Call update = slack.await("the question made read-only", all -> !slack.calls("chat.update").isEmpty())
                .stream().filter(c -> c.method().equals("chat.update")).findFirst().orElseThrow();
        assertThat(update.param("ts")).isEqualTo(test.tsOf(statement));
        assertThat(update.visibleText()).contains("✔ 4").contains("STO is geïntegreerd");

        FakeSlack.Call summary = null;
        for (int i = 0; i < 6; i++) {
            summary = test.dmAndWait("U1", "3");
        }
        assertThat(summary.visibleText()).contains("Je antwoorden").contains("omdat we &lt;!here&gt; elk kwartaal evalueren");
    }

    private static String submission(JsonObject view, String option, String note) {
        JsonObject selected = new JsonObject();
        selected.addProperty("type", "static_select");
        JsonObject selectedOption = new JsonObject();
        selectedOption.addProperty("value", option);
        selected.add("selected_option", selectedOption);
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text_input");
        text.addProperty("value", note);
        JsonObject values = new JsonObject();
        values.add("score", wrap("score", selected));
        values.add("note", wrap("note", text));
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject submitted = view.deepCopy();
        submitted.addProperty("id", "V1");
        submitted.addProperty("hash", "h1");
        submitted.add("state", state);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", object("id", FakeSlack.TEAM));
        payload.add("user", object("id", "U1", "team_id", FakeSlack.TEAM));
        payload.addProperty("api_app_id", "A1");
        payload.addProperty("token", "legacy");
        payload.addProperty("trigger_id", "t-submit");
        payload.add("view", submitted);
        return payload.toString();
    }

    private static JsonObject wrap(String key, JsonObject value) {
        JsonObject object = new JsonObject();
        object.add(key, value);
        return object;
    }

    private static JsonObject object(String... keysAndValues) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
