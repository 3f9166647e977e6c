package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.FakeSocketMode;
import nl.borgingsbot.slack.testing.SlackPayloads;

/**
 * The same handlers over Socket Mode: the bot opens the connection (apps.connections.open on the
 * fake Web API, then a real WebSocket to a local fake), and slash commands, DM events and clicks
 * arrive as envelopes that the bot acks.
 */
class SlackSocketModeTest {

    @TempDir
    Path dir;

    private FakeSlack slack;
    private FakeSocketMode socket;
    private Database database;
    private SlackConnection connection;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        socket = new FakeSocketMode();
        slack.socketModeUrl(socket.startAndGetUrl());
        database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        connection = new SlackConnection(new SlackSettings("fake-bot-token", Optional.of("fake-app-token"), Optional.empty(),
                Optional.of(slack.apiUrl())));
        connection.connect(new Borgingsbot(database.repositories(), Fixtures.catalog(),
                new Gateways(List.of(connection.gateway())), Administrators.parse("slack:UADMIN", Platforms.of(SlackGateway.PLATFORM)), Clock.systemUTC()));
        connection.startSocketMode();
        socket.awaitConnection();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        socket.stop(1000);
        database.close();
        slack.close();
    }

    private FakeSlack.Call command(String envelope, String user, String text) throws Exception {
        int before = slack.calls("respond").size();
        JsonObject payload = new Gson().toJsonTree(SlackPayloads.command(user, "C1", text, slack.responseUrl(), "t"))
                .getAsJsonObject();
        socket.send(envelope, "slash_commands", payload);
        assertThat(socket.nextAck().get("envelope_id").getAsString()).isEqualTo(envelope);
        return slack.await("reply to " + text, all -> slack.calls("respond").size() > before)
                .stream().filter(c -> c.method().equals("respond")).skip(before).findFirst().orElseThrow();
    }

    @Test
    void commandsEventsAndClicksWorkOverSocketMode() throws Exception {
        assertThat(command("e1", "UADMIN", "regio koppel Noord").visibleText()).contains("Noord");
        command("e2", "UADMIN", "partner toevoegen <@U1|u1> Organisatie U1");
        assertThat(command("e3", "UADMIN", "ronde start 7-12-2026").visibleText()).contains("1 partner");
        FakeSlack.Call intro = slack.awaitPosts(FakeSlack.dmChannel("U1"), 1).get(0);

        socket.send("e4", "interactive", SlackPayloads.click("U1", intro, slack.tsOf(intro), "Start", slack.responseUrl(), "1"));
        assertThat(socket.nextAck().get("envelope_id").getAsString()).isEqualTo("e4");
        assertThat(slack.awaitPosts(FakeSlack.dmChannel("U1"), 2).get(1).visibleText()).contains("Reflectie 1 van 3");

        socket.send("e5", "events_api", SlackPayloads.dmEvent("Ev1", "U1", "één gezamenlijk plan", "2"));
        assertThat(socket.nextAck().get("envelope_id").getAsString()).isEqualTo("e5");
        assertThat(slack.awaitPosts(FakeSlack.dmChannel("U1"), 3).get(2).visibleText()).contains("Reflectie 2 van 3");
    }
}
