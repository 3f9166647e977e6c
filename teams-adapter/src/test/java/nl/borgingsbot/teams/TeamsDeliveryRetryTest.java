package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryRetry;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.RateLimits;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.MutableClock;

/**
 * Round DMs through the real Teams gateway against the fake Bot Connector over HTTP, with the
 * clock and every wait (the rate limiter's and the core's retry) injected: a DM throttled
 * many times is delivered once, a partner the app cannot reach is reported to the programme
 * manager once with the cause, a DM throttled for more than an hour is still delivered once and
 * the manager told once that it is late, and the manager hears the opening's outcome when it is done.
 */
class TeamsDeliveryRetryTest extends TeamsHttpTest {

    private static final String MANAGER = "RPM";

    @Autowired
    Database database;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private Borgingsbot bot;
    private Invitations rounds;
    private Region region;
    private String prefix;

    @BeforeEach
    void wire() {
        prefix = "T" + System.nanoTime();
        TeamsGateway gateway = gatewayWithoutRetries(new RateLimits(clock, clock::advance));
        bot = new Borgingsbot(database.repositories(), Fixtures.catalog(),
                new Gateways(List.of(gateway), new DeliveryRetry(clock, clock::advance, DeliveryRetry.REPORT_AFTER)),
                Administrators.none(), clock);
        rounds = bot.invitations();
        region = database.repositories().regions().create(NewRegion.withDefaults("Regio " + prefix,
                new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, "19:" + prefix + "@thread.tacv2")));
        for (String user : List.of(MANAGER, "A", "B")) {
            assertThat(send(activities.installPersonal(user(user))).statusCode()).isEqualTo(200);
        }
        database.repositories().regions().addManager(region.id(), chatUser(MANAGER));
        database.repositories().regions().addPartner(region.id(), chatUser("A"), "Anna de Vries", "Technasium Noord");
        database.repositories().regions().addPartner(region.id(), chatUser("B"), "Bram Jansen", "ROC Noord");
    }

    @AfterEach
    void stopBot() {
        bot.close();
    }

    /** This test's name for a person (unique in the context the test classes share). */
    private String user(String name) {
        return prefix + name;
    }

    private ChatUser chatUser(String name) {
        return new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad(user(name)));
    }

    private String conversation(String name) {
        return Activities.personalConversation(user(name));
    }

    private void failSends(String name, int times, int status, String retryAfter) {
        for (int i = 0; i < times; i++) {
            CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(conversation(name)), status,
                    Map.of("Retry-After", retryAfter));
        }
    }

    /** Opens a round; the invitations go out after it returned: waits until the outbox delivered them. */
    private Invitations.Fanout open() {
        return settled(rounds.open(region, clock.instant().plus(Duration.ofDays(14))));
    }

    private <T> T settled(T value) {
        assertThat(bot.outbox().awaitEmpty(Duration.ofSeconds(30))).isTrue();
        return value;
    }

    private List<String> managerDms() {
        return CONNECTOR.sentTo(conversation(MANAGER)).stream().map(Cards::text).toList();
    }

    /** The manager's DMs that say why a partner did not get a message, or that it is late. */
    private List<String> notices() {
        return managerDms().stream().filter(t -> t.contains("Oorzaak")).toList();
    }

    @Test
    void aDmThrottledManyTimesIsDeliveredOnce() {
        failSends("A", 6, 429, "2");
        failSends("A", 6, 503, "1");

        open();

        // twelve refused attempts, then the one delivered
        assertThat(CONNECTOR.sentTo(conversation("A"))).hasSize(13);
        assertThat(Cards.text(CONNECTOR.sentTo(conversation("A")).get(12))).contains("Regio " + prefix);
        assertThat(notices()).isEmpty();
        assertThat(managerDms()).singleElement().satisfies(text -> assertThat(text)
                .contains("is geopend: 2 partners hebben een privébericht gekregen"));
    }

    @Test
    void aPartnerTheAppIsNotInstalledForIsReportedOnceWithTheCause() {
        failSends("B", 3, 403, "0");

        Invitations.Fanout fanout = open();
        settled(rounds.remind(region, fanout.round(), Invitations.MANUAL));
        clock.advance(Duration.ofDays(1));
        settled(rounds.remind(region, fanout.round(), Invitations.MANUAL));

        assertThat(notices()).singleElement().satisfies(report -> assertThat(report)
                .contains("Bram Jansen").contains("ROC Noord").contains("niet voor deze persoon geïnstalleerd"));
        assertThat(managerDms()).anySatisfy(text -> assertThat(text).contains("1 partner heeft een privébericht gekregen")
                .contains("kon ik geen privébericht sturen: ROC Noord (Bram Jansen)"));
    }

    @Test
    void aDmThrottledForMoreThanAnHourIsDeliveredOnceAndTheManagerIsToldOnce() {
        // the Bot Connector asks to wait a quarter of an hour, six times: an hour and a half
        failSends("A", 6, 503, "900");
        Instant start = clock.instant();

        open();

        assertThat(Duration.between(start, clock.instant())).isGreaterThan(DeliveryRetry.REPORT_AFTER);
        // six refused attempts a quarter of an hour apart, then the one delivered
        assertThat(CONNECTOR.sentTo(conversation("A"))).hasSize(7);
        assertThat(Cards.text(CONNECTOR.sentTo(conversation("A")).get(6))).contains("Regio " + prefix);
        assertThat(notices()).singleElement().satisfies(report -> assertThat(report)
                .contains("Anna de Vries").contains("Technasium Noord").contains("na een uur nog niet")
                .contains("blijf het proberen").doesNotContain("Bram Jansen"));
        assertThat(managerDms()).anySatisfy(text -> assertThat(text)
                .contains("2 partners hebben een privébericht gekregen").doesNotContain("kon ik geen privébericht sturen"));
    }
}
