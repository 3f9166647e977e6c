package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackSigner;
import nl.borgingsbot.slack.testing.SlackTestBot;

/**
 * What Slack and people do that must not break a round: forged and stale requests, retried
 * events, double clicks, rate limits, a bot that is not in the channel, raw UTF-8 bodies.
 */
class SlackRobustnessTest extends SlackBotTest {

    private void openRoundFor(String... users) {
        test.commandAndWait(ADMIN, "regio koppel Noord");
        for (String user : users) {
            test.commandAndWait(ADMIN, "partner toevoegen <@" + user + "|" + user.toLowerCase() + "> Organisatie " + user);
        }
        test.commandAndWait(ADMIN, "ronde start 7-12-2026");
        for (String user : users) {
            slack.awaitPosts(FakeSlack.dmChannel(user), 1);
        }
    }

    @Test
    void aForgedSignatureIsRefused() {
        byte[] body = test.dmEvent("Ev1", "U1", "hallo").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> forged = test.sendRaw(body, Map.of("Content-Type", "application/json",
                "X-Slack-Request-Timestamp", String.valueOf(now),
                "X-Slack-Signature", SlackSigner.sign("not-the-secret", now, body)));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = test.sendRaw(body, Map.of("Content-Type", "application/json"));
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestOlderThanFiveMinutesIsRefusedEvenWhenSignedCorrectly() {
        byte[] body = test.dmEvent("Ev1", "U1", "hallo").getBytes(StandardCharsets.UTF_8);
        long stale = Instant.now().minusSeconds(6 * 60).getEpochSecond();
        HttpResponse<String> response = test.sendRaw(body, Map.of("Content-Type", "application/json",
                "X-Slack-Request-Timestamp", String.valueOf(stale),
                "X-Slack-Signature", SlackSigner.sign(SlackTestBot.SECRET, stale, body)));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void anEditedMessageIsAckedSoSlackDoesNotRetryIt() {
        String edited = "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvEdit\",\"event_time\":1,\"event\":{\"type\":\"message\",\"subtype\":\"message_changed\","
                + "\"channel\":\"DU1\",\"channel_type\":\"im\",\"ts\":\"5.1\",\"event_ts\":\"5.1\","
                + "\"message\":{\"type\":\"message\",\"user\":\"U1\",\"text\":\"nieuw\",\"ts\":\"4.1\"}}}";
        assertThat(test.send(edited, "application/json", Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aRetriedEventIsHandledOnce() {
        openRoundFor("U1");
        test.dmAndWait("U1", "start");
        String event = test.dmEvent("EvSame", "U1", "Eerste reflectie");
        assertThat(test.send(event, "application/json", Map.of()).statusCode()).isEqualTo(200);
        assertThat(test.send(event, "application/json", Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout")).statusCode()).isEqualTo(200);
        // the next event is handled after anything queued before it for this partner
        assertThat(test.dm("U1", "Tweede reflectie")).isEqualTo(200);
        slack.await("prompt 3", all -> slack.posts(FakeSlack.dmChannel("U1")).stream()
                .anyMatch(p -> p.visibleText().contains("Reflectie 3 van 3")));
        List<FakeSlack.Call> posts = slack.posts(FakeSlack.dmChannel("U1"));
        assertThat(posts).hasSize(4); // intro, prompt 1, prompt 2, prompt 3
        assertThat(posts.get(2).visibleText()).contains("Reflectie 2 van 3");
    }

    @Test
    void aDoubleClickStoresOneAnswerAndPostsOneReply() throws Exception {
        openRoundFor("U1");
        test.dmAndWait("U1", "start");
        test.dmAndWait("U1", "a");
        test.dmAndWait("U1", "b");
        FakeSlack.Call statement = test.dmAndWait("U1", "c");
        String click = test.clickPayload("U1", statement, test.tsOf(statement), "4");
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> test.send(click, "application/x-www-form-urlencoded", Map.of()));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
                () -> test.send(click, "application/x-www-form-urlencoded", Map.of()));
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
        // typed text is queued after both clicks for this partner: once its reply is there, both clicks were handled
        assertThat(test.dm("U1", "vier")).isEqualTo(200);
        slack.await("the reply to 'vier'", all -> slack.posts(FakeSlack.dmChannel("U1")).stream()
                .anyMatch(p -> p.visibleText().contains("Antwoord met een cijfer")));
        List<FakeSlack.Call> posts = slack.posts(FakeSlack.dmChannel("U1"));
        assertThat(posts).hasSize(7); // intro, 3 prompts, statement 1, statement 2, the reply to "vier"
        assertThat(posts.get(5).visibleText()).contains("Stelling 2 van 7");
        assertThat(slack.replaced()).hasSize(1);
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOut() {
        openRoundFor("U1");
        slack.rateLimit("chat.postMessage", 2);
        FakeSlack.Call prompt = test.dmAndWait("U1", "start");
        assertThat(prompt.visibleText()).contains("Reflectie 1 van 3");
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.status() == 429)).hasSize(2);
    }

    @Test
    void whenTheBotIsNotInTheChannelTheProgrammeManagerIsToldWhatToDo() {
        openRoundFor("U1");
        slack.fail("chat.postMessage", SlackTestBot.CHANNEL, "not_in_channel");
        test.commandAndWait(ADMIN, "ronde sluit");
        // the manager's DMs: the outcome of the opening, and what to do about the report
        assertThat(slack.awaitPosts(FakeSlack.dmChannel(ADMIN), 2)).anySatisfy(help -> assertThat(help.visibleText())
                .contains("Nodig mij uit in het kanaal").contains("ronde rapport"));
        assertThat(slack.posts(SlackTestBot.CHANNEL)).isEmpty();
    }

    @Test
    void aReportWhoseImageIsNotReadyYetIsPostedOnTheNextTry() {
        openRoundFor("U1");
        for (String text : new String[] {"start", "a", "b", "c", "4", "4", "4", "4", "4", "4", "4", "versturen"}) {
            test.dmAndWait("U1", text);
        }
        slack.failTimes("chat.postMessage", SlackTestBot.CHANNEL, "invalid_blocks", 1);
        test.commandAndWait(ADMIN, "ronde sluit");
        FakeSlack.Call report = slack.awaitPosts(SlackTestBot.CHANNEL, 1).get(0);
        assertThat(report.blocks().toString()).contains("slack_file");
        // the report's chart is uploaded once (each partner's own result comes with its own image)
        assertThat(slack.calls("files.completeUploadExternal").stream()
                .filter(c -> c.param("files").contains("borging-ronde-"))).hasSize(1);
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> !c.ok())).hasSize(1);
    }

    @Test
    void anAnswerInRawUtf8IsAccepted() {
        openRoundFor("U1");
        test.dmAndWait("U1", "start");
        byte[] body = test.dmEvent("EvUtf8", "U1", "één regio, één aanpak").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = test.sendRaw(body, Map.of("Content-Type", "application/json; charset=utf-8",
                "X-Slack-Request-Timestamp", String.valueOf(now),
                "X-Slack-Signature", SlackSigner.sign(SlackTestBot.SECRET, now, body)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(slack.awaitPosts(FakeSlack.dmChannel("U1"), 3).get(2).visibleText()).contains("Reflectie 2 van 3");
        test.dmAndWait("U1", "b");
        test.dmAndWait("U1", "c");
        FakeSlack.Call summary = null;
        for (int i = 0; i < 7; i++) {
            summary = test.dmAndWait("U1", "3");
        }
        assertThat(summary.visibleText()).contains("Je antwoorden").contains("één regio, één aanpak");
    }
}
