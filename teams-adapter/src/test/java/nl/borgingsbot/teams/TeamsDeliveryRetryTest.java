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

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AppCredentials;

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
 * manager once with the cause, and a DM still throttled after the hour is reported once.
 */
class TeamsDeliveryRetryTest extends TeamsHttpTest {

    private static final String MANAGER = "RPM";

    @Autowired
    Database database;
    @Autowired
    ConversationStore conversations;
    @Autowired
    AppCredentials credentials;
    @Autowired
    FileOffers files;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private Borgingsbot bot;
    private Invitations rounds;
    private Region region;
    private String prefix;

    @BeforeEach
    void wire() {
        prefix = "T" + System.nanoTime();
        ConnectorClients clients = new ConnectorClients(credentials, ConnectorRetryStrategy.none());
        TeamsGateway gateway = new TeamsGateway(conversations, clients, files, ImageLinks.none(),
                new RateLimits(clock, clock::advance));
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

    private Invitations.Fanout open() {
        return rounds.open(region, clock.instant().plus(Duration.ofDays(14)));
    }

    private List<JsonNode> managerDms() {
        return CONNECTOR.sentTo(conversation(MANAGER));
    }

    @Test
    void aDmThrottledManyTimesIsDeliveredOnce() {
        failSends("A", 6, 429, "2");
        failSends("A", 6, 503, "1");

        Invitations.Fanout fanout = open();

        assertThat(fanout.sent()).isEqualTo(2);
        assertThat(fanout.unreachable()).isEmpty();
        // twelve refused attempts, then the one delivered
        assertThat(CONNECTOR.sentTo(conversation("A"))).hasSize(13);
        assertThat(Cards.text(CONNECTOR.sentTo(conversation("A")).get(12))).contains("Regio " + prefix);
        assertThat(managerDms()).isEmpty();
    }

    @Test
    void aPartnerTheAppIsNotInstalledForIsReportedOnceWithTheCause() {
        failSends("B", 3, 403, "0");

        Invitations.Fanout fanout = open();
        rounds.remind(region, fanout.round(), Invitations.MANUAL);
        clock.advance(Duration.ofDays(1));
        rounds.remind(region, fanout.round(), Invitations.MANUAL);

        assertThat(fanout.unreachable()).extracting(p -> p.name()).containsExactly("Bram Jansen");
        assertThat(managerDms()).singleElement().satisfies(report -> assertThat(Cards.text(report))
                .contains("Bram Jansen").contains("ROC Noord").contains("niet voor deze persoon geïnstalleerd"));
    }

    @Test
    void aDmStillThrottledAfterAnHourIsReportedOnce() {
        // the Bot Connector asks to wait a quarter of an hour, every time
        failSends("A", 100, 503, "900");
        Instant start = clock.instant();

        Invitations.Fanout fanout = open();

        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(DeliveryRetry.REPORT_AFTER);
        assertThat(fanout.unreachable()).extracting(p -> p.name()).containsExactly("Anna de Vries");
        assertThat(CONNECTOR.sentTo(conversation("A")).size()).isLessThan(40);
        assertThat(managerDms()).singleElement().satisfies(report -> assertThat(Cards.text(report))
                .contains("Anna de Vries").contains("een uur lang niet door"));
    }
}
