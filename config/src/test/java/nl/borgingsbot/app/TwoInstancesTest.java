package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackPayloads;

/**
 * Two instances of the application on one PostgreSQL, both in Slack's HTTP mode, as behind one
 * address: "Slack" (a fake Web API and signed requests over real HTTP) delivers each event to one
 * of them in turn, and every DM message and click a second time to the other one, as Slack's
 * retry. Every event is handled once: one stored answer per question, one reply per event; the
 * round is opened once and reported once, while both instances' schedulers tick every second.
 */
class TwoInstancesTest {

    private static final String ADMIN = "UADMIN";
    private static final String CHANNEL = "C1";
    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final List<String> REFLECTIONS = List.of("Een vaste plek in het rooster", "Samen lessen ontwikkelen",
            "Wie coördineert na 2027?");
    private static final List<Integer> SCORES = List.of(4, 3, 5, 2, 4, 1, 3);

    private EmbeddedPostgres postgres;
    private FakeSlack slack;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    /** Events delivered, duplicates not counted. */
    private int events;
    private int turn;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE borgingsbot");
        }
        slack = new FakeSlack();
        for (int i = 0; i < 2; i++) { // one after the other: the first migrates the database
            instances.add(new SpringApplication(BorgingsbotApplication.class).run(
                    "--borging.db.url=" + url("borgingsbot"), "--borging.db.user=postgres",
                    "--SLACK_BOT_TOKEN=fake-bot-token", "--SLACK_SIGNING_SECRET=" + SignedSlack.SECRET,
                    "--SLACK_API_URL=" + slack.apiUrl(),
                    "--borging.admins=slack:" + ADMIN, "--borging.schedule.tick-seconds=1"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        instances.forEach(ConfigurableApplicationContext::close);
        if (slack != null) {
            slack.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    private URI events(int instance) {
        return SignedSlack.events(ServiceTesting.webPort(instances.get(instance)));
    }

    private Borgingsbot bot(int instance) {
        return instances.get(instance).getBean(Borgingsbot.class);
    }

    /** A slash command (Slack never retries one) to the next instance; its one reply. */
    private FakeSlack.Call command(String text) throws Exception {
        int instance = turn++ % 2;
        int before = slack.calls("respond").size();
        deliver(instance, SignedSlack.form(SlackPayloads.command(ADMIN, CHANNEL, text, slack.responseUrl(), "t" + turn)),
                SignedSlack.FORM, false);
        events++;
        List<FakeSlack.Call> replies = slack.calls("respond");
        assertThat(replies).as("replies to /borging " + text).hasSize(before + 1);
        return replies.get(before);
    }

    /**
     * Delivers an event to the next instance and, once it is handled, the same event again to the
     * other one, as Slack's retry: the first brings exactly one reply in {@code user}'s DM, the
     * retry nothing at all in Slack. That reply.
     */
    private FakeSlack.Call twice(String user, String body, String contentType) throws Exception {
        String dm = FakeSlack.dmChannel(user);
        int before = slack.posts(dm).size();
        int first = turn++ % 2;
        deliver(first, body, contentType, false);
        int calls = slack.calls().size();
        deliver(1 - first, body, contentType, true);
        assertThat(slack.calls()).as("calls to Slack after the retry at the other instance").hasSize(calls);
        events++;
        List<FakeSlack.Call> posts = slack.posts(dm);
        assertThat(posts).as("replies in " + dm).hasSize(before + 1);
        return posts.get(before);
    }

    private void deliver(int instance, String body, String contentType, boolean retry) throws Exception {
        assertThat(SignedSlack.send(events(instance), body, contentType, retry)).isEqualTo(200);
        assertThat(bot(instance).awaitIdle(IDLE)).isTrue();
    }

    private FakeSlack.Call dm(String user, String text) throws Exception {
        String ts = String.valueOf(1_700_000_000 + turn);
        return twice(user, SlackPayloads.dmEvent("Ev" + user + turn, user, text, ts).toString(), SignedSlack.JSON);
    }

    /** Clicks the button starting with {@code label} in the latest message in {@code user}'s DM. */
    private FakeSlack.Call click(String user, String label) throws Exception {
        List<FakeSlack.Call> posts = slack.posts(FakeSlack.dmChannel(user));
        FakeSlack.Call message = posts.get(posts.size() - 1);
        String payload = SlackPayloads.click(user, message, slack.tsOf(message), label, slack.responseUrl(),
                String.valueOf(1_700_000_000 + turn)).toString();
        return twice(user, SignedSlack.form(Map.of("payload", payload)), SignedSlack.FORM);
    }

    @Test
    void everyEventIsHandledOnceWhicheverInstanceGetsItAndItsRetry() throws Exception {
        assertThat(command("regio koppel Noord").visibleText()).contains("Noord");
        command("partner toevoegen <@U1|u1> Organisatie U1");
        command("partner toevoegen <@U2|u2> Organisatie U2");
        assertThat(command("ronde start").visibleText()).contains("2 partners");
        slack.awaitPosts(FakeSlack.dmChannel("U1"), 1);
        slack.awaitPosts(FakeSlack.dmChannel("U2"), 1);
        // the programme manager hears the outcome once both invitations are through; after that no
        // call to Slack comes from the opening, so the retries below can count every call
        assertThat(slack.awaitPosts(FakeSlack.dmChannel(ADMIN), 1).get(0).visibleText()).contains("2 partners");

        // U1 clicks Start, types the reflections, clicks the scores and Versturen
        assertThat(click("U1", "Start").visibleText()).contains("Bij borging");
        for (String reflection : REFLECTIONS) {
            dm("U1", reflection);
        }
        FakeSlack.Call last = null;
        for (int score : SCORES) {
            last = click("U1", String.valueOf(score));
        }
        assertThat(last.visibleText()).contains("Versturen");
        assertThat(click("U1", "Versturen").visibleText()).contains("verstuurd");

        // U2 types everything
        dm("U2", "start");
        for (String reflection : REFLECTIONS) {
            dm("U2", reflection + " (U2)");
        }
        for (int score : SCORES) {
            dm("U2", String.valueOf(score));
        }
        assertThat(dm("U2", "versturen").visibleText()).contains("verstuurd");

        command("ronde sluit");
        slack.awaitPosts(CHANNEL, 1);
        for (int i = 0; i < 2; i++) {
            assertThat(bot(i).awaitIdle(IDLE)).isTrue();
        }

        try (Connection db = DriverManager.getConnection(url("borgingsbot"), "postgres", "")) {
            for (String user : List.of("U1", "U2")) {
                String suffix = user.equals("U1") ? "" : " (U2)";
                assertThat(strings(db, "SELECT a.item_id || '=' || a.text FROM answer a JOIN checkin c ON c.id = a.checkin_id"
                        + " JOIN partner p ON p.id = c.partner_id WHERE p.user_id = '" + user + "' AND a.kind = 'reflection'"
))
                        .as("reflections of " + user).containsExactlyInAnyOrder("denken=" + REFLECTIONS.get(0) + suffix,
                                "zien=" + REFLECTIONS.get(1) + suffix, "vragen=" + REFLECTIONS.get(2) + suffix);
                assertThat(strings(db, "SELECT a.score FROM answer a JOIN checkin c ON c.id = a.checkin_id"
                        + " JOIN partner p ON p.id = c.partner_id WHERE p.user_id = '" + user + "' AND a.kind = 'score'"
                        + " ORDER BY a.item_id"))
                        .as("scores of " + user).hasSize(SCORES.size())
                        .containsExactlyInAnyOrderElementsOf(SCORES.stream().map(String::valueOf).toList());
            }
            assertThat(strings(db, "SELECT state FROM round")).as("rounds").containsExactly("REPORTED");
            assertThat(strings(db, "SELECT count(*) FROM checkin WHERE submitted_at IS NOT NULL")).containsExactly("2");
            // one key per event, whichever instance handled it first
            assertThat(strings(db, "SELECT count(*) FROM inbound_event")).containsExactly(String.valueOf(events));
        }
        assertThat(slack.posts(CHANNEL).stream().filter(p -> p.visibleText().contains("resultaat ronde 1")))
                .as("reports in the region channel").hasSize(1);
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
