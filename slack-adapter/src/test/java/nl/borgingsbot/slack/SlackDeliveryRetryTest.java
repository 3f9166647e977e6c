package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryRetry;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.RateLimits;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.slack.testing.FakeSlack;

/**
 * Round DMs through the real Slack gateway against the fake Slack Web API over HTTP, with the
 * clock and every wait injected: a throttled DM is delivered once however long Slack throttles it
 * (the manager is told once when that is more than an hour), a partner who cannot be reached is
 * reported to the programme manager once, with the real cause, and the manager hears the outcome
 * of the opening once every invitation was delivered or failed.
 */
class SlackDeliveryRetryTest {

    private static final String MANAGER = "UPM";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private FakeSlack slack;
    private Database database;
    private Borgingsbot bot;
    private Invitations rounds;
    private Region region;

    @BeforeEach
    void start() throws IOException {
        slack = new FakeSlack();
        database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        SlackGateway gateway = new SlackGateway(Slack.getInstance(config).methods("fake-bot-token-for-tests"),
                new BlockKitRenderer(), new RateLimitedCall(clock::advance, new RateLimits(clock, clock::advance)));
        Gateways gateways = new Gateways(List.of(gateway),
                new DeliveryRetry(clock, clock::advance, DeliveryRetry.REPORT_AFTER));
        bot = new Borgingsbot(database.repositories(), Fixtures.catalog(), gateways, Administrators.none(), clock);
        rounds = bot.invitations();
        region = database.repositories().regions().create(
                NewRegion.withDefaults("Rivierenland", new ChatChannel(SlackGateway.PLATFORM, FakeSlack.TEAM, "C1")));
        database.repositories().regions().addManager(region.id(), user(MANAGER));
        database.repositories().regions().addPartner(region.id(), user("U1"), "Anna de Vries", "Technasium Noord");
        database.repositories().regions().addPartner(region.id(), user("U2"), "Bram Jansen", "ROC Rivierenland");
    }

    @AfterEach
    void stop() {
        bot.close();
        database.close();
        slack.close();
    }

    private static ChatUser user(String id) {
        return new ChatUser(SlackGateway.PLATFORM, FakeSlack.TEAM, id);
    }

    /** Opens a round; the invitations go out after it returned: waits until the outbox delivered them. */
    private Invitations.Fanout open() {
        return settled(rounds.open(region, clock.instant().plus(Duration.ofDays(14))));
    }

    private <T> T settled(T value) {
        assertThat(bot.outbox().awaitEmpty(Duration.ofSeconds(30))).isTrue();
        return value;
    }

    private List<FakeSlack.Call> managerDms() {
        return slack.posts(FakeSlack.dmChannel(MANAGER));
    }

    /** The manager's DMs that say why a partner did not get a message, or that it is late. */
    private List<String> notices() {
        return managerDms().stream().map(FakeSlack.Call::visibleText).filter(t -> t.contains("Oorzaak")).toList();
    }

    /** The manager's DM with the outcome of the opening, once every invitation was delivered or failed. */
    private String outcome() {
        return managerDms().stream().map(FakeSlack.Call::visibleText).filter(t -> t.contains("is geopend"))
                .reduce((a, b) -> a + "\n----\n" + b).orElse("");
    }

    @Test
    void aDmThrottledEightTimesIsDeliveredOnce() {
        slack.rateLimit("chat.postMessage", FakeSlack.dmChannel("U1"), 8, 1);

        open();

        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.status() == 429)).hasSize(8);
        assertThat(slack.posts(FakeSlack.dmChannel("U1"))).singleElement()
                .satisfies(intro -> assertThat(intro.visibleText()).contains("Rivierenland"));
        assertThat(notices()).isEmpty();
        assertThat(managerDms()).singleElement().satisfies(dm -> assertThat(dm.visibleText())
                .contains("Ronde 1 van regio Rivierenland is geopend: 2 partners hebben een privébericht gekregen"));
    }

    @Test
    void aPartnerWhoCannotGetADmIsReportedOnceWithTheCause() {
        slack.fail("chat.postMessage", FakeSlack.dmChannel("U1"), "messages_tab_disabled");

        Invitations.Fanout fanout = open();
        Round round = fanout.round();
        settled(rounds.remind(region, round, Invitations.MANUAL));
        clock.advance(Duration.ofDays(1));
        settled(rounds.remind(region, round, Invitations.MANUAL));

        assertThat(notices()).singleElement().satisfies(report -> assertThat(report)
                .contains("Anna de Vries").contains("Technasium Noord").contains("Ronde 1 van regio Rivierenland")
                .contains("niet voor deze persoon geïnstalleerd"));
        assertThat(outcome()).contains("1 partner heeft een privébericht gekregen")
                .contains("kon ik geen privébericht sturen: Technasium Noord (Anna de Vries)");
        assertThat(slack.posts(FakeSlack.dmChannel("U2"))).hasSize(3); // the intro and two reminders
    }

    @Test
    void aPartnerWhoIsGoneIsReportedAsGone() {
        slack.fail("chat.postMessage", FakeSlack.dmChannel("U2"), "account_inactive");

        open();

        assertThat(notices()).singleElement().satisfies(report -> assertThat(report)
                .contains("Bram Jansen").contains("bestaat niet meer of is gedeactiveerd"));
    }

    @Test
    void aDmThrottledForMoreThanAnHourIsDeliveredOnceAndTheManagerIsToldOnce() {
        // Slack asks to wait a quarter of an hour, six times: an hour and a half
        slack.rateLimit("chat.postMessage", FakeSlack.dmChannel("U1"), 6, 900);
        Instant start = clock.instant();

        open();

        assertThat(Duration.between(start, clock.instant())).isGreaterThan(DeliveryRetry.REPORT_AFTER);
        // the core honoured Retry-After: one call a quarter of an hour, not a tight loop
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> c.status() == 429)).hasSize(6);
        assertThat(slack.posts(FakeSlack.dmChannel("U1"))).singleElement()
                .satisfies(intro -> assertThat(intro.visibleText()).contains("Rivierenland"));
        assertThat(slack.posts(FakeSlack.dmChannel("U2"))).hasSize(1);
        assertThat(notices()).singleElement().satisfies(report -> assertThat(report)
                .contains("Ronde 1 van regio Rivierenland").contains("Anna de Vries").contains("Technasium Noord")
                .contains("na een uur nog niet").contains("blijf het proberen").doesNotContain("Bram Jansen"));
        assertThat(outcome()).contains("2 partners hebben een privébericht gekregen")
                .doesNotContain("kon ik geen privébericht sturen");
    }
}
