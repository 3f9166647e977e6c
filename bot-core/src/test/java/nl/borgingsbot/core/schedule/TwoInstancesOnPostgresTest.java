package nl.borgingsbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.TextRenderer;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.core.testing.RecordingGateway;

/**
 * Two bot instances on one PostgreSQL, ticking at the same moments on two threads: one round is
 * opened, each partner gets one invitation and one reminder, and one report is posted. Exactly-once
 * comes from the database (a unique round per period, a conditional close, claimed reminders),
 * not from a lock or a clustered Quartz.
 */
class TwoInstancesOnPostgresTest {

    private static final ChatChannel CHANNEL = new ChatChannel(Platform.of("slack"), "T1", "C1");
    private static final ChatUser ADMIN = new ChatUser(Platform.of("slack"), "T1", "UADMIN");
    private static final TextRenderer TEXT = new TextRenderer(image -> "[image]");
    private static final int PARTNERS = 6;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE two_instances");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** One instance: its own connection pool, bot and chat gateway; the database and clock are shared. */
    private record Instance(Database database, Borgingsbot bot, ScheduleRunner runner, RecordingGateway gateway) {
        static Instance start(MutableClock clock) {
            Database database = Database.open(url("two_instances"), "postgres", "");
            RecordingGateway gateway = new RecordingGateway(Platform.of("slack"));
            Borgingsbot bot = new Borgingsbot(database.repositories(), Fixtures.catalog(), new Gateways(List.of(gateway)),
                    Administrators.parse("slack:UADMIN", Fixtures.PLATFORMS), clock);
            return new Instance(database, bot, new ScheduleRunner(database.repositories().regions(),
                    database.repositories().rounds(), database.repositories().schedules(),
                    database.repositories().checkIns(), bot.invitations(), bot.reports(), bot.outbox(),
                    ScheduleRunner.DEFAULT_RETENTION_ROUNDS, clock), gateway);
        }
    }

    /** Both instances tick at once, {@code times} times over. */
    private static void tickTogether(Instance a, Instance b, int times) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < times; i++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<ScheduleRunner.Tick>> ticks = new ArrayList<>();
                for (Instance instance : List.of(a, b)) {
                    Callable<ScheduleRunner.Tick> tick = () -> {
                        together.await();
                        return instance.runner().tick();
                    };
                    ticks.add(threads.submit(tick));
                }
                for (Future<ScheduleRunner.Tick> tick : ticks) {
                    tick.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static long directsTo(String user, String containing, Instance... instances) {
        long count = 0;
        for (Instance instance : instances) {
            count += instance.gateway().directsTo(user).stream()
                    .filter(d -> TEXT.render(d.message()).contains(containing)).count();
        }
        return count;
    }

    @Test
    void oneRoundOneInvitationAndOneReminderPerPartnerAndOneReport() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        Instance a = Instance.start(clock);
        Instance b = Instance.start(clock);
        try {
            a.bot().handle(new InboundEvent.Command(ADMIN, Optional.of(CHANNEL), "regio koppel Noord"));
            for (int i = 1; i <= PARTNERS; i++) {
                a.bot().handle(new InboundEvent.Command(ADMIN, Optional.of(CHANNEL),
                        "partner toevoegen @{U" + i + "|U" + i + "} Organisatie " + i));
            }

            clock.set(Instant.parse("2027-01-04T08:00:30Z"));
            tickTogether(a, b, 3);
            List<Round> rounds = a.database().repositories().rounds().ofRegion(1);
            assertThat(rounds).hasSize(1);
            for (int i = 1; i <= PARTNERS; i++) {
                assertThat(directsTo("U" + i, "Borgingscheck", a, b)).as("invitations to U" + i).isEqualTo(1);
            }

            clock.set(Instant.parse("2027-01-11T08:00:30Z")); // Monday 09:00, a week before the deadline
            tickTogether(a, b, 3);
            for (int i = 1; i <= PARTNERS; i++) {
                assertThat(directsTo("U" + i, "Herinnering", a, b)).as("reminders to U" + i).isEqualTo(1);
            }

            clock.set(rounds.get(0).deadline().plusSeconds(30));
            tickTogether(a, b, 3);
            assertThat(a.gateway().posts().size() + b.gateway().posts().size()).isEqualTo(1);
        } finally {
            a.bot().close();
            b.bot().close();
            a.database().close();
            b.database().close();
        }
    }
}
