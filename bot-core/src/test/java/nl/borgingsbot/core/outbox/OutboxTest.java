package nl.borgingsbot.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.DeliveryRetry;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Lane;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.schedule.ScheduleRunner;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.core.testing.TestBot;

/**
 * The outbox on a real SQLite file, with a bot started the way the application starts it: a
 * restart mid-fan-out, Retry-After, a throttled message retried until delivered (the manager told
 * once after the hour), permanent failures told once per region, an opening's outcome told once
 * after the whole fan-out, the two lanes, and thread replies after their parent.
 */
class OutboxTest {

    private static final Platform SLACK = Platform.of("slack");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-04T08:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A gateway that records what it delivered, and lets a test decide what each call does first. */
    static final class Gateway implements ChatGateway {
        record Call(String kind, String to, Lane lane, Instant at, Message message) {
        }

        final List<Call> delivered = new CopyOnWriteArrayList<>();
        final List<Call> attempts = new CopyOnWriteArrayList<>();
        private final MutableClock clock;
        volatile Function<Call, Void> before = call -> null;
        private final AtomicInteger posts = new AtomicInteger();

        Gateway(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public Platform platform() {
            return SLACK;
        }

        private void call(String kind, String to, Message message) {
            Call call = new Call(kind, to, Lane.current(), clock.instant(), message);
            attempts.add(call);
            before.apply(call);
            delivered.add(call);
        }

        @Override
        public void sendDirect(ChatUser user, Message message) {
            call("dm", user.userId(), message);
        }

        @Override
        public PostedMessage postToChannel(ChatChannel channel, Message message) {
            call("post", channel.channelId(), message);
            return new PostedMessage(channel, "ts-" + posts.incrementAndGet());
        }

        @Override
        public void replyInThread(PostedMessage parent, Message message) {
            call("reply", parent.messageId(), message);
        }

        List<String> deliveredDms() {
            return delivered.stream().filter(c -> c.kind().equals("dm")).map(Call::to).toList();
        }
    }

    private Database database() {
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        open.add(database);
        return database;
    }

    private Borgingsbot bot(Database database, Gateway gateway) {
        Borgingsbot bot = new Borgingsbot(database.repositories(), Fixtures.catalog(),
                new Gateways(List.of(gateway), new DeliveryRetry(clock, clock::advance, DeliveryRetry.REPORT_AFTER)),
                Administrators.parse("slack:UADMIN", Fixtures.PLATFORMS), clock);
        open.add(bot);
        return bot;
    }

    /** The scheduler as the application wires it, on this test's clock. */
    private ScheduleRunner scheduler(Database database, Borgingsbot bot) {
        return new ScheduleRunner(database.repositories().regions(), database.repositories().rounds(),
                database.repositories().schedules(), database.repositories().checkIns(), bot.invitations(), bot.reports(),
                bot.outbox(), ScheduleRunner.DEFAULT_RETENTION_ROUNDS, clock);
    }

    private static ChatUser user(String id) {
        return new ChatUser(SLACK, "T1", id);
    }

    private static Region region(Database database, String name, int partners) {
        Region region = database.repositories().regions().create(
                NewRegion.withDefaults(name, new ChatChannel(SLACK, "T1", "C" + name)));
        database.repositories().regions().addManager(region.id(), user("PM" + name));
        for (int i = 1; i <= partners; i++) {
            database.repositories().regions().addPartner(region.id(), user("U" + name + i), "Naam " + name + i,
                    "Organisatie " + name + i);
        }
        return region;
    }

    private void await(Borgingsbot bot) {
        assertThat(bot.outbox().awaitEmpty(WAIT)).isTrue();
    }

    @Test
    void aRestartMidFanOutDeliversEveryInvitationExactlyOnce() throws Exception {
        Database first = database();
        Region region = region(first, "Noord", 12);
        Gateway dying = new Gateway(clock);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch stuck = new CountDownLatch(Outbox.BULK_WORKERS);
        dying.before = call -> {
            if (calls.incrementAndGet() > 5) {
                // the process dies here: this call never returns, its row stays 'sending'
                stuck.countDown();
                awaitQuietly(release);
                throw new Error("the process is gone");
            }
            return null;
        };
        Borgingsbot before = bot(first, dying);
        before.invitations().openScheduled(region, clock.instant(), clock.instant().plus(Duration.ofDays(14)));
        assertThat(stuck.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dying.deliveredDms()).hasSize(5);

        // a new process on the same file, after the dead one's leases ran out
        clock.advance(Outbox.LEASE.plusMinutes(1));
        Gateway healthy = new Gateway(clock);
        Borgingsbot after = bot(database(), healthy);
        await(after);

        List<String> everyone = new ArrayList<>(dying.deliveredDms());
        everyone.addAll(healthy.deliveredDms());
        assertThat(everyone.stream().filter(to -> to.startsWith("UNoord"))).hasSize(12).doesNotHaveDuplicates();
        assertThat(healthy.deliveredDms().stream().filter(to -> to.startsWith("UNoord"))).hasSize(7);
        assertThat(healthy.delivered).allMatch(c -> c.lane() == Lane.BULK);
        // the manager hears the outcome once, after the whole fan-out, from the process that finished it
        assertThat(dying.deliveredDms()).doesNotContain("PMNoord");
        assertThat(managerTexts(healthy, "PMNoord")).singleElement().satisfies(text -> assertThat(text)
                .contains("Ronde 1 van regio Noord is volgens de planning geopend: 12 partners hebben een uitnodiging gekregen"));
    }

    @Test
    void aFanOutFinishedJustBeforeAStopIsToldAtTheNextStartOnce() {
        Database database = database();
        Region region = region(database, "Noord", 2);
        Gateway gateway = new Gateway(clock);
        Borgingsbot first = bot(database, gateway);
        first.outbox().stop(WAIT); // the dispatcher is gone: the invitations wait in the database
        first.invitations().openScheduled(region, clock.instant(), clock.instant().plus(Duration.ofDays(14)));
        // delivered by hand, as a dispatcher that died right after its last row would leave it
        try (java.sql.Connection c = database.dataSource().getConnection()) {
            c.createStatement().executeUpdate("UPDATE outbox SET state = 'delivered', done_at = created_at");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        await(bot(database, gateway));

        assertThat(managerTexts(gateway, "PMNoord")).singleElement().satisfies(text -> assertThat(text)
                .contains("Ronde 1 van regio Noord is volgens de planning geopend: 2 partners hebben een uitnodiging gekregen"));
    }

    @Test
    void aPartnerThrottledForMoreThanAnHourIsDeliveredOnceAndTheManagerIsToldOnceAlsoAcrossARestart() throws Exception {
        Database database = database();
        Region region = region(database, "Noord", 2);
        Instant throttledUntil = clock.instant().plus(DeliveryRetry.REPORT_AFTER).plus(Duration.ofMinutes(50));
        Function<Gateway.Call, Void> throttleNoord1 = call -> {
            if (call.to().equals("UNoord1") && clock.instant().isBefore(throttledUntil)) {
                throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "ratelimited", null,
                        java.util.Optional.of(Duration.ofMinutes(10)));
            }
            return null;
        };
        Gateway before = new Gateway(clock);
        before.before = throttleNoord1;
        Borgingsbot first = bot(database, before);
        first.invitations().open(region, clock.instant().plus(Duration.ofDays(14)));
        long until = System.nanoTime() + WAIT.toNanos();
        while (managerTexts(before, "PMNoord").isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        first.close(); // a restart while the partner is still being throttled

        Gateway after = new Gateway(clock);
        after.before = throttleNoord1;
        await(bot(database, after));

        assertThat(clock.instant()).isAfterOrEqualTo(throttledUntil);
        List<String> noord1 = new ArrayList<>(before.deliveredDms());
        noord1.addAll(after.deliveredDms());
        assertThat(noord1.stream().filter("UNoord1"::equals)).hasSize(1);
        assertThat(noord1.stream().filter("UNoord2"::equals)).hasSize(1);
        List<String> toManager = new ArrayList<>(managerTexts(before, "PMNoord"));
        toManager.addAll(managerTexts(after, "PMNoord"));
        assertThat(toManager.stream().filter(t -> t.contains("na een uur nog niet"))).singleElement()
                .satisfies(text -> assertThat(text).contains("Ronde 1 van regio Noord").contains("Naam Noord1")
                        .contains("Organisatie Noord1").contains("blijf het proberen").doesNotContain("Naam Noord2"));
        // and once it got through, the outcome: both invited, nobody unreachable
        assertThat(toManager.stream().filter(t -> !t.contains("na een uur nog niet"))).singleElement()
                .satisfies(text -> assertThat(text).contains("Ronde 1 van regio Noord is geopend: 2 partners hebben")
                        .doesNotContain("kon ik geen privébericht sturen"));
    }

    private static List<String> managerTexts(Gateway gateway, String manager) {
        return gateway.delivered.stream().filter(c -> c.to().equals(manager))
                .map(c -> TestBot.TEXT.render(c.message())).toList();
    }

    @Test
    void aThrottledRowIsNotRetriedBeforeItsRetryAfterAndIsDeliveredAfterIt() {
        Gateway gateway = new Gateway(clock);
        AtomicInteger calls = new AtomicInteger();
        gateway.before = call -> {
            if (calls.incrementAndGet() == 1) {
                throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "ratelimited", null,
                        java.util.Optional.of(Duration.ofSeconds(30)));
            }
            return null;
        };
        Borgingsbot bot = bot(database(), gateway);

        List<OutboxStore.Outcome> outcome = bot.outbox().send(List.of(Envelope.toUser(Envelope.Kind.DM,
                Envelope.About.NOTHING, user("U1"), Message.text("hallo"))));

        assertThat(outcome).singleElement().satisfies(o -> assertThat(o.state()).isEqualTo(OutboxStore.State.DELIVERED));
        assertThat(gateway.attempts).hasSize(2);
        assertThat(gateway.attempts.get(1).at()).isAfterOrEqualTo(gateway.attempts.get(0).at().plusSeconds(30));
        assertThat(gateway.delivered).singleElement();
    }

    @Test
    void partnersWhoCannotBeReachedAreToldToTheManagerOnceInOneMessagePerRegion() {
        Database database = database();
        Region noord = region(database, "Noord", 4);
        Region zuid = region(database, "Zuid", 3);
        Gateway gateway = new Gateway(clock);
        gateway.before = call -> {
            switch (call.to()) {
                case "UNoord1", "UZuid2" -> throw new DeliveryException(DeliveryException.Reason.USER_UNREACHABLE, "cannot_dm_bot");
                case "UNoord3" -> throw new DeliveryException(DeliveryException.Reason.USER_GONE, "account_inactive");
                default -> {
                    return null;
                }
            }
        };
        Borgingsbot bot = bot(database, gateway);

        var opened = bot.invitations().open(noord, clock.instant().plus(Duration.ofDays(14)));
        bot.invitations().open(zuid, clock.instant().plus(Duration.ofDays(14)));
        await(bot);
        bot.invitations().remind(noord, opened.round(), "manual");
        await(bot);

        assertThat(opened.sent()).isEqualTo(4); // on their way
        Map<String, List<String>> toManagers = gateway.delivered.stream().filter(c -> c.to().startsWith("PM"))
                .collect(Collectors.groupingBy(Gateway.Call::to,
                        Collectors.mapping(c -> TestBot.TEXT.render(c.message()), Collectors.toList())));
        // the causes in one message, and the opening's outcome once every invitation was done
        assertThat(toManagers.get("PMNoord")).hasSize(2).filteredOn(text -> text.contains("Oorzaak")).singleElement()
                .satisfies(text -> assertThat(text).contains("Ronde 1 van regio Noord").contains("2 partners")
                .contains("Naam Noord1").contains("niet voor deze persoon geïnstalleerd")
                .contains("Naam Noord3").contains("bestaat niet meer of is gedeactiveerd"));
        assertThat(toManagers.get("PMNoord")).filteredOn(text -> !text.contains("Oorzaak")).singleElement()
                .satisfies(text -> assertThat(text).contains("Ronde 1 van regio Noord is geopend: 2 partners hebben")
                        .contains("Organisatie Noord1 (Naam Noord1), Organisatie Noord3 (Naam Noord3)"));
        assertThat(toManagers.get("PMZuid")).hasSize(2).filteredOn(text -> text.contains("Oorzaak")).singleElement()
                .satisfies(text -> assertThat(text)
                .contains("Ronde 1 van regio Zuid").contains("Naam Zuid2").contains("niet voor deze persoon geïnstalleerd"));
    }

    @Test
    void aPartnersClickIsAnsweredWhileBulkRowsWaitBehindASlowGateway() throws Exception {
        Database database = database();
        Region region = region(database, "Noord", 1);
        Gateway gateway = new Gateway(clock);
        Borgingsbot bot = bot(database, gateway);
        bot.invitations().open(region, clock.instant().plus(Duration.ofDays(14)));
        await(bot);

        CountDownLatch busy = new CountDownLatch(Outbox.BULK_WORKERS);
        gateway.before = call -> {
            busy.countDown();
            awaitQuietly(release); // a slow platform: every bulk delivery hangs until the test ends
            return null;
        };
        List<Envelope> bulk = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bulk.add(Envelope.toUser(Envelope.Kind.REMINDER, Envelope.About.NOTHING, user("X" + i), Message.text("bulk")));
        }
        bot.outbox().enqueue(bulk);
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();

        List<Message> replies = bot.handle(new InboundEvent.TextReply(user("UNoord1"), java.util.Optional.empty(),
                "start", "evt-1"));

        assertThat(TestBot.render(replies)).isNotBlank();
        // the answer came while every bulk row was still waiting or hanging: it was never queued behind them
        assertThat(database.repositories().outbox().unfinished()).isEqualTo(40);
        assertThat(gateway.attempts.stream().filter(c -> c.to().startsWith("X"))).allMatch(c -> c.lane() == Lane.BULK);
    }

    @Test
    void threadRepliesAreDeliveredAfterTheirParentInOrder() {
        Gateway gateway = new Gateway(clock);
        AtomicInteger posts = new AtomicInteger();
        gateway.before = call -> {
            if (call.kind().equals("post") && posts.incrementAndGet() == 1) {
                throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "ratelimited", null,
                        java.util.Optional.of(Duration.ofSeconds(5)));
            }
            return null;
        };
        Borgingsbot bot = bot(database(), gateway);
        ChatChannel channel = new ChatChannel(SLACK, "T1", "CNoord");

        List<OutboxStore.Outcome> outcomes = bot.outbox().send(List.of(
                new Envelope(Envelope.Kind.REPORT, Envelope.About.NOTHING, new Envelope.ToChannel(channel), Message.text("rapport")),
                new Envelope(Envelope.Kind.THREAD_REPLY, Envelope.About.NOTHING, new Envelope.InThreadOf(0), Message.text("reflecties 1")),
                new Envelope(Envelope.Kind.THREAD_REPLY, Envelope.About.NOTHING, new Envelope.InThreadOf(1), Message.text("reflecties 2"))));

        assertThat(outcomes).allMatch(o -> o.state() == OutboxStore.State.DELIVERED);
        assertThat(gateway.delivered).extracting(c -> c.kind() + " " + c.to() + " " + TestBot.TEXT.render(c.message()).strip())
                .containsExactly("post CNoord rapport", "reply ts-1 reflecties 1", "reply ts-1 reflecties 2");
    }

    @Test
    void scheduledOpeningsOfManyRegionsAreDeliveredTogetherAndEachManagerHearsTheOutcome() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        Database database = database();
        List<Region> regions = List.of(region(database, "A", 4), region(database, "B", 4), region(database, "C", 4));
        Planning planning = new Planning(database.repositories().schedules(), clock);
        regions.forEach(planning::ensureDefault);
        Gateway gateway = new Gateway(clock);
        AtomicInteger calls = new AtomicInteger();
        List<Integer> queuedAtFirstDelivery = new CopyOnWriteArrayList<>();
        gateway.before = call -> {
            if (calls.incrementAndGet() == 1) {
                // the first invitation waits (bounded) until every region's invitations are in the outbox
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (invitations(database) < 12 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                queuedAtFirstDelivery.add(invitations(database));
            }
            if (call.to().equals("UB2")) {
                throw new DeliveryException(DeliveryException.Reason.USER_UNREACHABLE, "cannot_dm_bot");
            }
            return null;
        };
        Borgingsbot bot = bot(database, gateway);
        ScheduleRunner runner = scheduler(database, bot);

        clock.set(Instant.parse("2027-01-04T08:00:30Z"));
        assertThat(runner.tick().opened()).isEqualTo(3);
        await(bot);

        assertThat(queuedAtFirstDelivery).containsExactly(12); // not one region after another
        Map<String, List<String>> toManagers = gateway.delivered.stream().filter(c -> c.to().startsWith("PM"))
                .collect(Collectors.groupingBy(Gateway.Call::to,
                        Collectors.mapping(c -> TestBot.TEXT.render(c.message()), Collectors.toList())));
        assertThat(toManagers.get("PMA")).singleElement().satisfies(text -> assertThat(text)
                .contains("Ronde 1 van regio A is volgens de planning geopend: 4 partners hebben een uitnodiging gekregen"));
        assertThat(toManagers.get("PMB")).hasSize(2).anySatisfy(text -> assertThat(text)
                .contains("Naam B2").contains("niet voor deze persoon geïnstalleerd"));
        assertThat(toManagers.get("PMB")).anySatisfy(text -> assertThat(text)
                .contains("Ronde 1 van regio B is volgens de planning geopend: 3 partners hebben een uitnodiging gekregen")
                .contains("Organisatie B2 (Naam B2)"));
        assertThat(toManagers.get("PMC")).singleElement().satisfies(text -> assertThat(text).contains("regio C"));
    }

    @Test
    void aSchedulerTickOpensRoundsWithoutWaitingForTheirInvitations() throws Exception {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        Database database = database();
        Region region = region(database, "A", 3);
        new Planning(database.repositories().schedules(), clock).ensureDefault(region);
        Gateway gateway = new Gateway(clock);
        CountDownLatch tickReturned = new CountDownLatch(1);
        List<String> deliveredDuringTheTick = new CopyOnWriteArrayList<>();
        gateway.before = call -> {
            try {
                // every delivery waits (bounded) for the tick to have returned
                if (!tickReturned.await(10, TimeUnit.SECONDS)) {
                    deliveredDuringTheTick.add(call.to());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        Borgingsbot bot = bot(database, gateway);
        ScheduleRunner runner = scheduler(database, bot);

        clock.set(Instant.parse("2027-01-04T08:00:30Z"));
        assertThat(runner.tick().opened()).isEqualTo(1);
        tickReturned.countDown();
        await(bot);

        assertThat(deliveredDuringTheTick).isEmpty();
        assertThat(gateway.deliveredDms()).containsExactlyInAnyOrder("UA1", "UA2", "UA3", "PMA");
        assertThat(managerTexts(gateway, "PMA")).singleElement().satisfies(text -> assertThat(text)
                .contains("Ronde 1 van regio A is volgens de planning geopend: 3 partners hebben een uitnodiging gekregen"));
    }

    private static int invitations(Database database) {
        try (java.sql.Connection c = database.dataSource().getConnection();
             java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE kind = 'INVITATION'")) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
