package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/**
 * The core's entry point as Slack uses it (issue 10): an event counts once, also after a restart;
 * a Versturen acknowledged before {@code ronde sluit} counts in the report; an answer is shown as
 * chosen only once it is stored, whatever fails in between; a typed score closes its buttons too;
 * an old button after Versturen says how to change the answer.
 */
class SlackEntryPointTest extends SlackBotTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

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

    /** Opens a round for U1 and answers the reflections; the message with statement 1. */
    private FakeSlack.Call atFirstStatement() {
        openRoundFor("U1");
        test.dmAndWait("U1", "start");
        test.dmAndWait("U1", "a");
        test.dmAndWait("U1", "b");
        FakeSlack.Call statement = test.dmAndWait("U1", "c");
        assertThat(statement.visibleText()).contains("Stelling 1 van 7");
        return statement;
    }

    private void restart() throws Exception {
        test.close();
        test = new SlackTestBot(dir);
        slack = test.slack();
    }

    private int scores() throws SQLException {
        try (Connection connection = test.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM answer WHERE kind = 'score'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private List<FakeSlack.Call> dms(String user) {
        return slack.posts(FakeSlack.dmChannel(user));
    }

    @Test
    void theSameEventTwiceIsOneAnswerAndOneReplyAlsoAfterARestart() throws Exception {
        atFirstStatement();
        int before = dms("U1").size();
        String event = test.dmEvent("EvScore1", "U1", "4");
        assertThat(test.send(event, JSON, Map.of()).statusCode()).isEqualTo(200);
        assertThat(test.send(event, JSON, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode()).isEqualTo(200);
        // one person's events are handled in order: once "verder" is answered, both copies were handled
        assertThat(test.dm("U1", "verder")).isEqualTo(200);
        List<FakeSlack.Call> posts = slack.awaitPosts(FakeSlack.dmChannel("U1"), before + 2);
        assertThat(posts).hasSize(before + 2); // statement 2 once, and the answer to "verder"
        assertThat(posts.get(before).visibleText()).contains("Stelling 2 van 7");
        assertThat(posts.get(before + 1).visibleText()).contains("Stelling 2 van 7");
        assertThat(scores()).isEqualTo(1);

        // Slack retries after the bot restarted (a deploy, a crash): still the same event
        restart();
        assertThat(test.send(event, JSON, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error"))
                .statusCode()).isEqualTo(200);
        FakeSlack.Call next = test.dmAndWait("U1", "verder");
        assertThat(next.visibleText()).contains("Stelling 2 van 7");
        assertThat(dms("U1")).hasSize(1); // only the answer to "verder": the retry changed nothing and said nothing
        assertThat(scores()).isEqualTo(1);
    }

    @Test
    void aVersturenAcknowledgedBeforeRondeSluitCountsInTheReport() {
        atFirstStatement();
        for (int i = 0; i < 6; i++) {
            test.dmAndWait("U1", "4");
        }
        // the partner's last score takes a while to answer (Slack throttles the reply), so the
        // Versturen right after it is still queued when the programme manager closes the round
        slack.rateLimit("chat.postMessage", 1);
        assertThat(test.dm("U1", "3")).isEqualTo(200);
        assertThat(test.dm("U1", "versturen")).isEqualTo(200);
        assertThat(test.command(ADMIN, SlackTestBot.CHANNEL, "ronde sluit")).isEqualTo(200);

        FakeSlack.Call report = slack.awaitPosts(SlackTestBot.CHANNEL, 1).get(0);
        assertThat(report.visibleText()).contains("1 van 1 partner heeft gereageerd");
        slack.await("the thank-you", all -> dms("U1").stream().anyMatch(p -> p.visibleText().contains("verstuurd")));
        assertThat(dms("U1")).noneMatch(p -> p.visibleText().contains("is gesloten"));
    }

    @Test
    void aScoreTypedAsTextClosesTheButtonsOfItsStatement() {
        FakeSlack.Call statement = atFirstStatement();
        assertThat(test.dmAndWait("U1", "4 omdat het rooster vastligt").visibleText()).contains("Stelling 2 van 7");

        FakeSlack.Call update = slack.await("statement 1 shown answered", all -> !slack.calls("chat.update").isEmpty())
                .stream().filter(c -> c.method().equals("chat.update")).findFirst().orElseThrow();
        assertThat(update.param("ts")).isEqualTo(test.tsOf(statement));
        assertThat(update.visibleText()).contains("\u2714 4").contains("STO is geïntegreerd");
        assertThat(update.blocks().toString()).doesNotContain("\"actions\"");
    }

    @Test
    void aClickIsShownAnsweredThroughItsResponseUrlWithoutChatUpdate() throws SQLException {
        atFirstStatement();

        assertThat(test.clickAndWait("U1", "4").visibleText()).contains("Stelling 2 van 7");

        // made read-only before the next statement was posted: through the click's response_url
        assertThat(slack.replaced()).singleElement().satisfies(replaced -> {
            assertThat(replaced.visibleText()).contains("\u2714 4").contains("STO is geïntegreerd");
            assertThat(replaced.blocks().toString()).doesNotContain("\"actions\"");
        });
        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(scores()).isEqualTo(1);
    }

    @Test
    void aThrottledResponseUrlAndChatUpdateNeverLoseTheStoredAnswer() throws SQLException {
        FakeSlack.Call statement = atFirstStatement();
        slack.rateLimit("respond", 1);
        slack.rateLimit("chat.update", 2);

        assertThat(test.clickAndWait("U1", "4").visibleText()).contains("Stelling 2 van 7");

        assertThat(scores()).isEqualTo(1);
        assertThat(slack.calls("respond")).filteredOn(call -> call.status() == 429).hasSize(1);
        assertThat(slack.replaced()).isEmpty();
        // chat.update took over, waited out its two 429s in the limiter, and showed the answer
        assertThat(slack.calls("chat.update")).hasSize(3).last().satisfies(update -> {
            assertThat(update.ok()).isTrue();
            assertThat(update.param("ts")).isEqualTo(test.tsOf(statement));
            assertThat(update.visibleText()).contains("\u2714 4");
        });
    }

    @Test
    void whenShowingTheChoiceFailsTheAnswerIsStoredAndARetryAfterARestartChangesNothing() throws Exception {
        FakeSlack.Call statement = atFirstStatement();
        slack.rateLimit("respond", 1);
        slack.fail("chat.update", FakeSlack.dmChannel("U1"), "internal_error");
        int before = dms("U1").size();
        String click = test.clickPayload("U1", statement, test.tsOf(statement), "4");
        assertThat(test.send(click, FORM, Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.awaitPosts(FakeSlack.dmChannel("U1"), before + 1).get(before).visibleText())
                .contains("Stelling 2 van 7");
        assertThat(scores()).isEqualTo(1);

        // after a restart the partner's state is what the chat shows: statement 1 stored, statement 2 asked
        restart();
        assertThat(test.send(click, FORM, Map.of()).statusCode()).isEqualTo(200);
        assertThat(test.dmAndWait("U1", "verder").visibleText()).contains("Stelling 2 van 7");
        assertThat(dms("U1")).hasSize(1);
        assertThat(slack.calls("chat.update")).isEmpty();
        assertThat(scores()).isEqualTo(1);
    }

    @Test
    void whenStoringFailsNothingIsShownAsChosenAndAfterARestartTheQuestionIsAskedAgain() throws Exception {
        FakeSlack.Call statement = atFirstStatement();
        try (Connection connection = test.database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TRIGGER answer_breaks BEFORE INSERT ON answer BEGIN SELECT RAISE(ABORT, 'injected'); END");
        }
        int before = dms("U1").size();
        String click = test.clickPayload("U1", statement, test.tsOf(statement), "4");
        assertThat(test.send(click, FORM, Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.awaitPosts(FakeSlack.dmChannel("U1"), before + 1).get(before).visibleText())
                .contains("Er ging iets mis");
        assertThat(slack.calls("chat.update")).isEmpty(); // statement 1 still has its buttons
        assertThat(slack.replaced()).isEmpty();
        assertThat(scores()).isZero();

        try (Connection connection = test.database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER answer_breaks");
        }
        restart();
        assertThat(test.dmAndWait("U1", "verder").visibleText()).contains("Stelling 1 van 7");
        assertThat(scores()).isZero();
    }

    @Test
    void anOldButtonAfterVersturenChangesNothingAndSaysHowToChangeTheAnswer() throws Exception {
        atFirstStatement();
        FakeSlack.Call statement3 = null;
        for (int i = 1; i <= 7; i++) {
            FakeSlack.Call next = test.dmAndWait("U1", "4");
            if (next.visibleText().contains("Stelling 3 van 7")) {
                statement3 = next;
            }
        }
        assertThat(test.dmAndWait("U1", "versturen").visibleText()).contains("verstuurd");
        assertThat(statement3).isNotNull();

        int before = dms("U1").size();
        String click = test.clickPayload("U1", statement3, test.tsOf(statement3), "1");
        assertThat(test.send(click, FORM, Map.of()).statusCode()).isEqualTo(200);
        FakeSlack.Call answer = slack.awaitPosts(FakeSlack.dmChannel("U1"), before + 1).get(before);
        assertThat(answer.visibleText()).contains("wijzig 3").contains("verandert niets");
        try (Connection connection = test.database().dataSource().getConnection();
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM answer WHERE kind = 'score' AND score <> 4")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }
}
