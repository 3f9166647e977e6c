package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackPayloads;
import nl.borgingsbot.slack.testing.SlackTestBot;

/** Opening the Home tab publishes the person's page; "Verder" there continues the check-in in the DM. */
class SlackAppHomeTest extends SlackBotTest {

    private FakeSlack.Call openHome(String user, String eventId) {
        int before = slack.calls("views.publish").size();
        JsonObject payload = SlackPayloads.dmEvent(eventId, user, "", "9");
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", FakeSlack.dmChannel(user));
        event.addProperty("tab", "home");
        event.addProperty("event_ts", "9.1");
        payload.add("event", event);
        assertThat(test.send(payload.toString(), "application/json", Map.of()).statusCode()).isEqualTo(200);
        return slack.await("views.publish", all -> slack.calls("views.publish").size() > before)
                .stream().filter(c -> c.method().equals("views.publish")).skip(before).findFirst().orElseThrow();
    }

    @Test
    void theHomeTabShowsTheOpenCheckInAndContinuesItInTheDm() {
        test.commandAndWait(SlackTestBot.ADMIN, "regio koppel Noord");
        test.commandAndWait(SlackTestBot.ADMIN, "partner toevoegen <@U1|u1> Organisatie U1");
        test.commandAndWait(SlackTestBot.ADMIN, "ronde start 7-12-2026");
        slack.awaitPosts(FakeSlack.dmChannel("U1"), 1);

        FakeSlack.Call home = openHome("U1", "EvHome1");
        assertThat(home.param("user_id")).isEqualTo("U1");
        JsonObject view = JsonParser.parseString(home.param("view")).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        String page = view.toString();
        assertThat(page).contains("Borgingscheck regio Noord").contains("Verder");
        assertThat(openHome(SlackTestBot.ADMIN, "EvHome2").param("view")).contains("0 van 1 partner hebben");

        // "Verder" on the home tab: a block_actions from a view, without a channel or response_url
        int n = 0;
        for (var block : view.getAsJsonArray("blocks")) {
            block.getAsJsonObject().addProperty("block_id", "home" + n++); // as Slack assigns them
        }
        FakeSlack.Call asMessage = new FakeSlack.Call("views.publish",
                Map.of("blocks", view.getAsJsonArray("blocks").toString(), "channel", ""), new byte[0], 200, "{}");
        JsonObject click = SlackPayloads.click("U1", asMessage, "", "Verder", "", "7");
        click.remove("channel");
        click.remove("message");
        click.remove("response_url");
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "VHOME");
        click.add("container", container);
        JsonObject homeView = view.deepCopy();
        homeView.addProperty("id", "VHOME");
        click.add("view", homeView);
        assertThat(test.send(SlackTestBot.form(Map.of("payload", click.toString())), "application/x-www-form-urlencoded",
                Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.awaitPosts(FakeSlack.dmChannel("U1"), 2).get(1).visibleText()).contains("Reflectie 1 van 3");
    }
}
