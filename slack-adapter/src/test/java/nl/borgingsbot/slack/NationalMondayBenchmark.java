package nl.borgingsbot.slack;

import static nl.borgingsbot.slack.testing.BenchStats.latencies;
import static nl.borgingsbot.slack.testing.BenchStats.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.WorkingHours;
import nl.borgingsbot.core.schedule.Schedule;
import nl.borgingsbot.core.schedule.ScheduleRunner;
import nl.borgingsbot.slack.testing.BenchStats;
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;
import nl.borgingsbot.slack.testing.SlackTiers;

/**
 * A national Monday (issue 11): R regions × P partners in a SQLite file, every region's schedule
 * due at the same instant, opened by the core's {@link ScheduleRunner} (what the Quartz ticker runs
 * in production) in one tick, the real Bolt app over real HTTP against a fake Slack that enforces
 * Slack's published tiers ({@link SlackTiers}, time scaled by {@code factor}). Meanwhile some
 * partners who already have their invitation answer their check-in — clicks and typed answers as
 * signed requests to the app, about a second apart — and the time from each of their requests to
 * the next question arriving at the fake is measured. Not a test: run it by hand (see
 * docs/benchmarks.md, "A national Monday"); it prints what it measured.
 *
 * <p>Arguments as {@code key=value}: {@code regions} (10), {@code partners} (15), {@code factor}
 * (1: Slack's real rates), {@code latency} in ms (0), {@code clickers} (20), {@code max} minutes of scaled time (5).
 */
public final class NationalMondayBenchmark {

    private static final String INTRO = "Borgingscheck regio";
    private static final int STATEMENTS = 7;
    private static final String[] REFLECTIONS = {"Denken", "Zien", "Vragen"};

    private final int regions;
    private final int partners;
    private final int clickers;
    private final Duration max;
    private final SlackTiers tiers;
    private final List<Long> clickLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> typedLatencies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger clickerFailures = new AtomicInteger();
    private final AtomicInteger duringFanout = new AtomicInteger();
    private volatile boolean fanningOut = true;

    private NationalMondayBenchmark(Map<String, Integer> args) {
        regions = args.getOrDefault("regions", 10);
        partners = args.getOrDefault("partners", 15);
        clickers = args.getOrDefault("clickers", 20);
        max = Duration.ofMinutes(args.getOrDefault("max", 5));
        tiers = new SlackTiers(args.getOrDefault("factor", 1), Duration.ofMillis(args.getOrDefault("latency", 0)));
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> parsed = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            parsed.put(kv[0], Integer.parseInt(kv[1]));
        }
        try {
            new NationalMondayBenchmark(parsed).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the servers' threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static String user(int region, int partner) {
        return "UR" + region + "P" + partner;
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("national-monday");
        FakeSlack slack = new FakeSlack();
        try (SlackTestBot test = new SlackTestBot(dir, SlackConnection::new, Borgingsbot.WORKERS, slack)) {
            List<String> users = setUp(test);
            int n = users.size();
            String loadBefore = BenchStats.load();
            System.out.printf("national Monday: %d regions x %d partners = %d invitations, time factor %d, Slack latency %d ms, "
                            + "%d partners answering; %s UTC, load average %s%n", regions, partners, n, tiers.factor(),
                    tiers.latency().toMillis(), clickers, Instant.now(), loadBefore);
            slack.tiers(tiers);
            var stores = test.database().repositories();
            ScheduleRunner runner = new ScheduleRunner(stores.regions(), stores.rounds(), stores.schedules(),
                    stores.checkIns(), test.bot().invitations(), test.bot().reports(), test.bot().outbox(),
                    ScheduleRunner.DEFAULT_RETENTION_ROUNDS, Clock.systemUTC());
            long start = System.nanoTime();
            long[] tickEnded = {-1};
            Thread tick = new Thread(() -> {
                runner.tick();
                tickEnded[0] = System.nanoTime();
            }, "schedule-tick");
            tick.start();
            List<Thread> answering = new ArrayList<>();
            for (int i = 0; i < clickers && i < n; i++) {
                String user = users.get((int) ((long) i * n / Math.min(clickers, n)));
                Thread t = new Thread(() -> answer(test, user, start), "partner-" + user);
                t.start();
                answering.add(t);
            }
            long deadline = start + max.toNanos();
            long lastChange = System.nanoTime();
            int lastCalls = 0;
            java.util.Set<String> pending = new java.util.HashSet<>(users);
            while (System.nanoTime() < deadline && !pending.isEmpty()) {
                Thread.sleep(200);
                pending.removeIf(u -> !intros(slack, u).isEmpty());
                int calls = slack.calls().size();
                if (calls != lastCalls) {
                    lastCalls = calls;
                    lastChange = System.nanoTime();
                } else if (!tick.isAlive() && test.bot().outbox().awaitEmpty(Duration.ZERO)
                        && System.nanoTime() - lastChange > Duration.ofSeconds(30).toNanos()) {
                    break; // nothing more is coming
                }
            }
            long stopped = System.nanoTime();
            fanningOut = false;
            for (Thread t : answering) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 30_000));
            }
            tick.join(60_000); // the managers' messages may still be going out; the database closes after this
            report(slack, users, start, stopped, tickEnded[0], tick.isAlive(), loadBefore);
        }
    }

    /** Regions with a programme manager and partners each, straight into the repositories; every schedule due now. */
    private List<String> setUp(SlackTestBot test) {
        Repositories repositories = test.database().repositories();
        Platform slack = test.platform();
        Instant since = Instant.now().minus(Duration.ofHours(1));
        List<String> users = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            Region region = repositories.regions().create(NewRegion.withDefaults("Regio " + r,
                    new ChatChannel(slack, FakeSlack.TEAM, "CR" + r)));
            repositories.regions().addManager(region.id(), new ChatUser(slack, FakeSlack.TEAM, "UM" + r));
            for (int p = 0; p < partners; p++) {
                repositories.regions().addPartner(region.id(), new ChatUser(slack, FakeSlack.TEAM, user(r, p)),
                        "Partner " + r + "-" + p, "Organisatie " + r + "-" + p);
                users.add(user(r, p));
            }
            // fires every minute: due at the same instant for every region, like the quarterly Monday at 09:00
            repositories.schedules().save(new Schedule(region.id(), "0 * * ? * *", ZoneId.of("Europe/Amsterdam"),
                    Schedule.DEFAULT_WINDOW_DAYS, Schedule.DEFAULT_REMINDER_DAYS, false, true, since, WorkingHours.DEFAULT));
        }
        return users;
    }

    private static List<FakeSlack.Call> intros(FakeSlack slack, String user) {
        return slack.posts(FakeSlack.dmChannel(user)).stream().filter(c -> c.visibleText().contains(INTRO)).toList();
    }

    /** One partner: waits for the invitation, then Start, three typed reflections and seven scores, ~1 s apart. */
    private void answer(SlackTestBot test, String user, long start) {
        FakeSlack slack = test.slack();
        String channel = FakeSlack.dmChannel(user);
        Duration left = Duration.ofNanos(start + max.toNanos() - System.nanoTime());
        try {
            slack.await("the invitation of " + user, left, all -> !intros(slack, user).isEmpty());
            step(test, user, true, () -> test.send(test.clickPayload(user, last(slack, channel), test.tsOf(last(slack, channel)),
                    "Start"), "application/x-www-form-urlencoded", Map.of()).statusCode());
            for (String reflection : REFLECTIONS) {
                step(test, user, false, () -> test.dm(user, reflection + " " + user));
            }
            for (int s = 0; s < STATEMENTS; s++) {
                String score = String.valueOf(1 + s % 5);
                step(test, user, true, () -> test.send(test.clickPayload(user, last(slack, channel),
                        test.tsOf(last(slack, channel)), score), "application/x-www-form-urlencoded", Map.of()).statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AssertionError | RuntimeException e) {
            clickerFailures.incrementAndGet();
            System.err.println(user + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static FakeSlack.Call last(FakeSlack slack, String channel) {
        List<FakeSlack.Call> posts = slack.posts(channel);
        return posts.get(posts.size() - 1);
    }

    /** Thinks a second, sends, and waits for the next post in the DM; records the latency. */
    private void step(SlackTestBot test, String user, boolean click, java.util.function.IntSupplier send) throws InterruptedException {
        Thread.sleep(1000);
        FakeSlack slack = test.slack();
        String channel = FakeSlack.dmChannel(user);
        int before = slack.posts(channel).size();
        boolean during = fanningOut;
        long sent = System.nanoTime();
        int status = send.getAsInt();
        if (status != 200) {
            throw new AssertionError("HTTP " + status);
        }
        slack.awaitPosts(channel, before + 1, max);
        List<Long> at = tiers.postedAt(channel);
        long arrived = at.size() > before ? at.get(before) : System.nanoTime();
        (click ? clickLatencies : typedLatencies).add(arrived - sent);
        if (during) {
            duringFanout.incrementAndGet();
        }
    }

    private void report(FakeSlack slack, List<String> users, long start, long stopped, long tickEnded, boolean tickRunning,
                        String loadBefore) {
        int n = users.size();
        int lost = 0;
        int duplicated = 0;
        long lastInvite = -1;
        for (String user : users) {
            List<FakeSlack.Call> intros = intros(slack, user);
            if (intros.isEmpty()) {
                lost++;
                continue;
            }
            duplicated += intros.size() > 1 ? 1 : 0;
            int index = slack.posts(FakeSlack.dmChannel(user)).indexOf(intros.get(0));
            List<Long> at = tiers.postedAt(FakeSlack.dmChannel(user));
            if (index >= 0 && index < at.size()) {
                lastInvite = Math.max(lastInvite, at.get(index));
            }
        }
        int factor = tiers.factor();
        Duration openFloor = SlackTiers.floor(n, SlackTiers.TIER_3);
        Duration postFloor = SlackTiers.floor(n, SlackTiers.POST_PER_WORKSPACE);
        Duration floor = openFloor.compareTo(postFloor) >= 0 ? openFloor : postFloor;
        String bound = openFloor.compareTo(postFloor) >= 0 ? "conversations.open (Tier 3, 50/min)"
                : "chat.postMessage (workspace cap " + SlackTiers.POST_WORKSPACE_PER_MINUTE + "/min)";
        double floorScaled = floor.toMillis() / 1000.0 / factor;
        System.out.printf("floor for %d invitations: %s real (%s at factor %d), bound by %s; conversations.open alone %s, "
                        + "chat.postMessage alone %s (real)%n", n, seconds(floor.toSeconds()), seconds(floorScaled), factor, bound,
                seconds(openFloor.toSeconds()), seconds(postFloor.toSeconds()));
        if (lost == 0 && lastInvite > 0) {
            double t = (lastInvite - start) / 1e9;
            System.out.printf("every partner invited after %s scaled = %s real-time equivalent (x%d); %.2fx the floor%n",
                    seconds(t), seconds(t * factor), factor, floorScaled == 0 ? Double.NaN : t / floorScaled);
        } else {
            System.out.printf("NOT every partner invited: %d of %d after %s scaled (%s real-time equivalent)%n",
                    n - lost, n, seconds((stopped - start) / 1e9), seconds((stopped - start) / 1e9 * factor));
        }
        System.out.printf("the schedule tick %s%n", tickEnded > 0 ? "returned after " + seconds((tickEnded - start) / 1e9)
                + " scaled" : tickRunning ? "was still running a minute after measuring stopped" : "did not finish");
        System.out.printf("lost (invited, no intro DM): %d of %d (%.1f %%)%n", lost, n, 100.0 * lost / n);
        System.out.printf("duplicated (more than one intro DM): %d%n", duplicated);
        System.out.printf("early calls (before a Retry-After for that scope had passed): %d %s%n", tiers.earlyTotal(), tiers.early());
        System.out.printf("next question after a click (%d partners answering): %s%n", clickers, latencies(clickLatencies));
        System.out.printf("next question after a typed answer: %s%n", latencies(typedLatencies));
        System.out.printf("answers sent while the fan-out was still going: %d; partners who could not finish: %d%n",
                duringFanout.get(), clickerFailures.get());
        System.out.printf("calls per method:%n%s", tiers.summary());
        System.out.printf("load average before %s, after %s%n", loadBefore, BenchStats.load());
    }
}
