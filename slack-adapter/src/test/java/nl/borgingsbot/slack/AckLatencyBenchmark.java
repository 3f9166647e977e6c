package nl.borgingsbot.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.slack.testing.BenchStats;
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackEndpoint;
import nl.borgingsbot.slack.testing.SlackSigner;
import nl.borgingsbot.slack.testing.SlackTestBot;
import nl.borgingsbot.slack.testing.SlackTiers;

/**
 * Ack latency of score clicks in HTTP mode: N partners click their statement's score button at
 * the same moment, seven times (one wave per statement), as signed requests over real HTTP; the
 * time from sending a click to its HTTP answer is the ack latency. Beside it, the same requests
 * against a bare Bolt app that only acks, in the same run. Not a test: run it by hand (see
 * docs/benchmarks.md); it prints a Markdown table. Without arguments it runs issue 11's load
 * (think time and a burst, Slack at 0 and 80 ms); with {@code waves} the earlier seven waves.
 * Options: {@code workers=N} (the core's threads after the ack), {@code warmup=N} (unmeasured passes
 * first, {@value #WARM_UP_PASSES} unless given; {@code warmup=0} measures a bot just started).
 */
public final class AckLatencyBenchmark {

    private static final int WAVES = 7;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
        try {
            int warmups = option(args, "warmup=", WARM_UP_PASSES);
            if (args.length > 0 && args[0].equals("waves")) {
                waves(warmups);
            } else {
                issue11(option(args, "workers=", Borgingsbot.WORKERS), warmups);
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the servers' threads would keep the JVM alive
        }
        System.exit(0);
    }

    /** The value of {@code name=N} among the arguments, else {@code otherwise}. */
    private static int option(String[] args, String name, int otherwise) {
        return Arrays.stream(args).filter(a -> a.startsWith(name)).map(a -> Integer.parseInt(a.substring(name.length())))
                .findFirst().orElse(otherwise);
    }

    /**
     * Issue 11: 200 partners answering with about a second between clicks, then all 200 clicking at
     * once (three times, a second apart), each click followed by the real work (the core stores the answer, the fake Slack gets
     * the read-only message and the next question), with Slack answering in 0 ms and in 80 ms; beside
     * it the same clicks, in the same rhythm, against a bare Bolt app that only acks. One bot and one
     * bare app serve every pass, as a server runs for weeks: unmeasured passes warm both up first, so
     * the JIT compiler is not compiling the click path while it is measured. Each pass is a region of
     * its own with new partners.
     */
    private static void issue11(int workers, int warmups) throws Exception {
        AckLatencyBenchmark bench = new AckLatencyBenchmark();
        System.out.println("ack benchmark (issue 11), " + java.time.Instant.now() + " UTC, load average "
                + BenchStats.load());
        System.out.println("the core handles events after the ack on " + workers + " threads");
        List<String> rows = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        try (SlackTestBot test = new SlackTestBot(Files.createTempDirectory("ack-bench"), SlackConnection::new, workers,
                new FakeSlack());
             BareApp bareApp = BareApp.start()) {
            for (int pass = 1; pass <= warmups; pass++) {
                long jit = jitMillis();
                bench.bareReplay(bareApp, bench.loaded(test, "W" + pass, 0));
                System.out.println("warm-up pass " + pass + " (the same load at 0 ms, not measured): the JIT compiler worked "
                        + (jitMillis() - jit) + " ms in it");
            }
            for (int latency : new int[] {0, 80}) {
                Loaded bot = bench.loaded(test, "L" + latency, latency);
                Loaded bare = bench.bareReplay(bareApp, bot);
                for (String phase : new String[] {"think", "burst"}) {
                    long[] botAck = sorted(bot.acks(phase));
                    long[] bareAck = sorted(bare.acks(phase));
                    long[] next = sorted(bot.next(phase));
                    rows.add("| " + latency + " ms | " + (phase.equals("think") ? PARTNERS + " partners, ~1 s think time, "
                            + THINK + " clicks each" : PARTNERS + " clicks at once, " + BURSTS + " times") + " | "
                            + ms(percentile(botAck, 0.50))
                            + " | " + ms(percentile(botAck, 0.99)) + " | " + ms(percentile(bareAck, 0.50)) + " | "
                            + ms(percentile(bareAck, 0.99)) + " | " + ratio(botAck, bareAck, 0.99) + " | "
                            + ms(percentile(next, 0.50)) + " | " + ms(percentile(next, 0.99)) + " | " + botAck.length + " |");
                }
                int clicks = bot.acks("think").size() + bot.acks("burst").size();
                cpu.add("| " + latency + " ms | " + perClick(bot.cpuNanos().get(), clicks) + " | "
                        + perClick(bare.cpuNanos().get(), clicks) + " | " + perClick(bot.jitMillis().get() * 1_000_000, clicks)
                        + " | " + perClick(bare.jitMillis().get() * 1_000_000, clicks) + " | " + clicks + " |");
                parts.add("| " + latency + " ms | " + String.join(" | ", PARTS.stream()
                        .map(part -> perClick(bot.cpuByPart().get(part), clicks)).toList()) + " |");
                System.err.println("latency " + latency + " ms done, load average " + BenchStats.load());
            }
        }
        System.out.println("| Slack API latency | load | bot ack p50 | bot ack p99 | bare ack p50 | bare ack p99 "
                + "| ack p99 bot / bare | click to next question p50 | p99 | clicks |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("CPU time of the whole process per click while clicking (the bot's run includes the fake Slack"
                + " answering the bot's calls, and the load generator), and the JIT compiler's time in it:");
        System.out.println("| Slack API latency | bot run | bare app run | JIT compiling, bot run | JIT compiling, bare app run | clicks |");
        System.out.println("|---|---|---|---|---|---|");
        cpu.forEach(System.out::println);
        System.out.println();
        System.out.println("The bot's run per click, by thread (CPU time of the threads alive at the end; \"other\": the"
                + " JIT compiler, the garbage collector, the fake Slack's and the HTTP clients' selector threads, and"
                + " threads that ended, e.g. the simulated partners):");
        System.out.println("| Slack API latency | " + String.join(" | ", PARTS) + " |");
        System.out.println("|---|" + "---|".repeat(PARTS.size()));
        parts.forEach(System.out::println);
        System.out.println("load average at the end " + BenchStats.load());
    }

    private static String perClick(long nanos, int clicks) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6 / clicks);
    }

    private static final int PARTNERS = 200;
    /**
     * Unmeasured passes before the measured ones (option {@code warmup=N}): a method called once per
     * click reaches the JIT's top tier (about 5,000 calls) only after a few passes of 1,400 clicks; in
     * the runs of 2026-11-29 the JIT worked about 23, 8 and 6 s in the three passes, under 1 s after.
     */
    private static final int WARM_UP_PASSES = 3;

    /** Clicks per partner with think time (statements 1–4); then the bursts. */
    private static final int THINK = 4;
    /**
     * Bursts of all partners clicking at once (statements 5–7), a second apart: three, so that the
     * burst's p99 is not just its second-slowest click (one garbage collection pause would decide it).
     */
    private static final int BURSTS = 3;

    /** One run's latencies in µs per phase ("think", "burst"), and what the bare app replays. */
    private record Loaded(java.util.Map<String, List<Long>> ack, java.util.Map<String, List<Long>> nextQuestion,
                          List<List<String>> thinkBodies, List<List<Long>> thinkMillis, List<List<String>> burstBodies,
                          java.util.concurrent.atomic.AtomicLong cpuNanos, java.util.Map<String, Long> cpuByPart,
                          java.util.concurrent.atomic.AtomicLong jitMillis) {
        List<Long> acks(String phase) {
            return ack.getOrDefault(phase, List.of());
        }

        List<Long> next(String phase) {
            return nextQuestion.getOrDefault(phase, List.of());
        }

        static Loaded empty() {
            return new Loaded(new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new java.util.concurrent.atomic.AtomicLong(),
                    new java.util.HashMap<>(), new java.util.concurrent.atomic.AtomicLong());
        }

        void add(java.util.Map<String, List<Long>> to, String phase, long micros) {
            to.computeIfAbsent(phase, p -> java.util.Collections.synchronizedList(new ArrayList<>())).add(micros);
        }
    }

    /** A Bolt app that only acks every click, behind the same kind of endpoint as the bot. */
    private record BareApp(FakeSlack slack, SlackConnection connection, SlackEndpoint endpoint) implements AutoCloseable {
        static BareApp start() throws IOException {
            FakeSlack slack = new FakeSlack();
            SlackConnection bare = new SlackConnection(new SlackSettings("fake-bot-token", Optional.empty(),
                    Optional.of(SlackTestBot.SECRET), Optional.of(slack.apiUrl())));
            bare.app().blockAction(Pattern.compile(".+"), (req, ctx) -> ctx.ack());
            return new BareApp(slack, bare, SlackEndpoint.start(bare));
        }

        URI uri() {
            return endpoint.eventsUri();
        }

        @Override
        public void close() {
            endpoint.close();
            connection.close();
            slack.close();
        }
    }

    /**
     * A new region {@code tag} of PARTNERS partners at statement 1, Slack answering in {@code latencyMs}:
     * THINK clicks each with ~1 s think time, then BURSTS bursts.
     */
    private Loaded loaded(SlackTestBot test, String tag, int latencyMs) throws Exception {
        int n = PARTNERS;
        SlackTiers tiers = SlackTiers.latencyOnly(java.time.Duration.ofMillis(latencyMs));
        test.slack().tiers(tiers);
        Loaded result = Loaded.empty();
        List<String> users = atFirstStatement(test, tag, n);
        long cpu = cpuNanos();
        long jit = jitMillis();
        java.util.Map<Long, Long> threadsBefore = threadCpu();
        List<Thread> partners = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < n; i++) {
            String user = users.get(i);
            List<String> bodies = new ArrayList<>();
            List<Long> thinks = new ArrayList<>();
            result.thinkBodies().add(bodies);
            result.thinkMillis().add(thinks);
            java.util.Random random = new java.util.Random(i);
            Thread partner = new Thread(() -> {
                try {
                    Thread.sleep(random.nextInt(1000)); // partners do not start in step
                    for (int s = 0; s < THINK; s++) {
                        long think = 500 + random.nextInt(1000);
                        Thread.sleep(think);
                        thinks.add(think);
                        String body = clickOnLast(test, user, 1 + s % 5);
                        bodies.add(body);
                        click(test, tiers, result, "think", user, body);
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            });
            partner.start();
            partners.add(partner);
        }
        for (Thread partner : partners) {
            partner.join();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a partner could not finish", failed.get());
        }
        for (int b = 0; b < BURSTS; b++) {
            List<String> bodies = new ArrayList<>();
            for (String user : users) {
                bodies.add(clickOnLast(test, user, 4));
            }
            result.burstBodies().add(bodies);
            Thread.sleep(1000);
            burst(test, tiers, result, users, bodies);
        }
        result.cpuNanos().set(cpuNanos() - cpu);
        result.jitMillis().set(jitMillis() - jit);
        result.cpuByPart().putAll(byPart(threadsBefore, threadCpu(), result.cpuNanos().get()));
        System.err.println("bot, region " + tag + " at " + latencyMs + " ms, done");
        return result;
    }

    private static String clickOnLast(SlackTestBot test, String user, int score) {
        FakeSlack.Call statement = test.lastDm(user);
        return test.clickPayload(user, statement, test.tsOf(statement), String.valueOf(score));
    }

    /** Sends one click, records its ack and the time until the next question reached the fake. */
    private void click(SlackTestBot test, SlackTiers tiers, Loaded result, String phase, String user, String body)
            throws Exception {
        String channel = FakeSlack.dmChannel(user);
        int before = test.slack().posts(channel).size();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(signed(test.eventsUri(), body), HttpResponse.BodyHandlers.ofString());
        result.add(result.ack(), phase, (System.nanoTime() - start) / 1_000);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        nextQuestion(test, tiers, result, phase, channel, before, start);
    }

    private static void nextQuestion(SlackTestBot test, SlackTiers tiers, Loaded result, String phase, String channel,
                                     int before, long start) {
        test.slack().awaitPosts(channel, before + 1, java.time.Duration.ofMinutes(3));
        result.add(result.nextQuestion(), phase, (tiers.postedAt(channel).get(before) - start) / 1_000);
    }

    /** All partners click at the same moment; acks and next questions recorded. */
    private void burst(SlackTestBot test, SlackTiers tiers, Loaded result, List<String> users, List<String> bodies)
            throws Exception {
        int n = users.size();
        ExecutorService clients = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = users.get(i);
            String body = bodies.get(i);
            done.add(clients.submit(() -> {
                String channel = FakeSlack.dmChannel(user);
                int before = test.slack().posts(channel).size();
                HttpRequest request = signed(test.eventsUri(), body);
                ready.countDown();
                go.await();
                long start = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.ofString());
                result.add(result.ack(), "burst", (System.nanoTime() - start) / 1_000);
                nextQuestion(test, tiers, result, "burst", channel, before, start);
                return null;
            }));
        }
        ready.await();
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
    }

    /** The same clicks in the same rhythm against the Bolt app that only acks. */
    private Loaded bareReplay(BareApp bare, Loaded bot) throws Exception {
        Loaded result = Loaded.empty();
        URI uri = bare.uri();
        long cpu = cpuNanos();
        long jit = jitMillis();
        List<Thread> partners = new ArrayList<>();
        for (int i = 0; i < bot.thinkBodies().size(); i++) {
            List<String> bodies = bot.thinkBodies().get(i);
            List<Long> thinks = bot.thinkMillis().get(i);
            java.util.Random random = new java.util.Random(i);
            Thread partner = new Thread(() -> {
                try {
                    Thread.sleep(random.nextInt(1000));
                    for (int s = 0; s < bodies.size(); s++) {
                        Thread.sleep(thinks.get(s));
                        long start = System.nanoTime();
                        http.send(signed(uri, bodies.get(s)), HttpResponse.BodyHandlers.ofString());
                        result.add(result.ack(), "think", (System.nanoTime() - start) / 1_000);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            partner.start();
            partners.add(partner);
        }
        for (Thread partner : partners) {
            partner.join();
        }
        for (List<String> bodies : bot.burstBodies()) {
            Thread.sleep(1000);
            wave(uri, bodies).forEach(micros -> result.add(result.ack(), "burst", micros));
        }
        result.cpuNanos().set(cpuNanos() - cpu);
        result.jitMillis().set(jitMillis() - jit);
        return result;
    }

    /**
     * A new region {@code tag} (its own channel) with n new partners, the round started, each at their
     * first statement (Start and the three reflections done).
     */
    private static List<String> atFirstStatement(SlackTestBot test, String tag, int n) throws Exception {
        FakeSlack slack = test.slack();
        String channel = "C" + tag;
        test.commandAndWait(SlackTestBot.ADMIN, channel, "regio koppel Bench " + tag);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = "U" + tag + "P" + i;
            users.add(user);
            test.commandAndWait(SlackTestBot.ADMIN, channel, "partner toevoegen <@" + user + "|p" + i + "> Organisatie " + i);
        }
        int replies = slack.calls("respond").size();
        if (test.command(SlackTestBot.ADMIN, channel, "ronde start") != 200) {
            throw new IllegalStateException("ronde start was not acknowledged");
        }
        // the reply comes at once (the invitations go out through the outbox)
        slack.await("the reply to ronde start", java.time.Duration.ofMinutes(3), all -> slack.calls("respond").size() > replies);
        slack.await("intros", java.time.Duration.ofMinutes(3),
                all -> users.stream().allMatch(u -> !slack.posts(FakeSlack.dmChannel(u)).isEmpty()));
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<?>> ready = new ArrayList<>();
        for (String user : users) {
            ready.add(setup.submit(() -> {
                test.clickAndWait(user, "Start");
                test.dmAndWait(user, "Denken " + user);
                test.dmAndWait(user, "Zien " + user);
                test.dmAndWait(user, "Vragen " + user);
            }));
        }
        for (Future<?> f : ready) {
            f.get();
        }
        setup.shutdown();
        return users;
    }

    /**
     * The generator before issue 11: seven waves of N simultaneous clicks, N = 50 and 200, each N twice
     * on the bot (a new region each time) and once on the bare app; one bot and one bare app for the
     * whole run, warmed up first by unmeasured N = 200 runs on each.
     */
    private static void waves(int warmups) throws Exception {
        AckLatencyBenchmark bench = new AckLatencyBenchmark();
        List<String> rows = new ArrayList<>();
        try (SlackTestBot test = new SlackTestBot(Files.createTempDirectory("ack-bench"), SlackConnection::new,
                Borgingsbot.WORKERS);
             BareApp bareApp = BareApp.start()) {
            for (int pass = 1; pass <= warmups; pass++) {
                List<String> warm = new ArrayList<>();
                long jit = jitMillis();
                bench.run(test, "W" + pass, 200, warm);
                bench.bare(bareApp, warm);
                System.out.println("warm-up pass " + pass + " (N = 200, not measured): the JIT compiler worked "
                        + (jitMillis() - jit) + " ms in it");
            }
            for (int n : new int[] {50, 200}) {
                List<String> payloads = new ArrayList<>();
                long[] first = bench.run(test, "A" + n, n, payloads);
                long[] second = bench.run(test, "B" + n, n, new ArrayList<>());
                long[] bare = bench.bare(bareApp, payloads);
                rows.add(row("Borgingsbot (first run)", n, first));
                rows.add(row("Borgingsbot (second run)", n, second));
                rows.add(row("bare Bolt app (ack only)", n, bare));
                rows.add("| ratio bot / bare (first; second run) | " + n + " | " + ratio(first, bare, 0.50) + "; "
                        + ratio(second, bare, 0.50) + " | " + ratio(first, bare, 0.99) + "; " + ratio(second, bare, 0.99)
                        + " | | |");
            }
        }
        System.out.println("| app | N | p50 | p99 | max | samples |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** A new region {@code tag} of n partners at statement 1; seven waves of n simultaneous score clicks. */
    private long[] run(SlackTestBot test, String tag, int n, List<String> payloads) throws Exception {
        FakeSlack slack = test.slack();
        List<String> users = atFirstStatement(test, tag, n);
        List<Long> latencies = new ArrayList<>();
        for (int wave = 1; wave <= WAVES; wave++) {
            List<String> bodies = new ArrayList<>();
            for (String user : users) {
                FakeSlack.Call statement = test.lastDm(user);
                bodies.add(test.clickPayload(user, statement, test.tsOf(statement), String.valueOf(1 + (wave % 5))));
            }
            payloads.addAll(bodies);
            int posted = slack.postCount();
            latencies.addAll(wave(test.eventsUri(), bodies));
            slack.await("wave " + wave, all -> slack.postCount() >= posted + n);
        }
        System.err.println("region " + tag + ", N=" + n + " done");
        return sorted(latencies);
    }

    /** The same clicks against the Bolt app that only acks, in the same seven waves. */
    private long[] bare(BareApp bare, List<String> payloads) throws Exception {
        int n = payloads.size() / WAVES;
        List<Long> latencies = new ArrayList<>();
        for (int wave = 0; wave < WAVES; wave++) {
            latencies.addAll(wave(bare.uri(), payloads.subList(wave * n, (wave + 1) * n)));
        }
        return sorted(latencies);
    }

    /** Sends all bodies at once (one thread each, released together); each one's latency in µs. */
    private List<Long> wave(URI uri, List<String> bodies) throws Exception {
        int n = bodies.size();
        ExecutorService clients = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (String body : bodies) {
            results.add(clients.submit(() -> {
                HttpRequest request = signed(uri, body);
                ready.countDown();
                go.await();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long micros = (System.nanoTime() - start) / 1_000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return micros;
            }));
        }
        ready.await();
        go.countDown();
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> result : results) {
            latencies.add(result.get());
        }
        clients.shutdown();
        return latencies;
    }

    /** The parts of the bot's run, by thread name; in this order in the table. */
    private static final List<String> PARTS = List.of("acks (http-nio-*)", "core (borgingsbot-N)",
            "replies (borgingsbot-reply-N)", "outbox", "fake Slack", "load generator", "other");

    /** CPU time of every live thread, by id. */
    private static java.util.Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** CPU time between two snapshots by part ({@link #PARTS}); "other" is the process's time not in a live thread. */
    private static java.util.Map<String, Long> byPart(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after,
                                                      long process) {
        java.util.Map<String, Long> parts = new java.util.LinkedHashMap<>();
        PARTS.forEach(part -> parts.put(part, 0L));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long inThreads = 0;
        for (var entry : after.entrySet()) {
            java.lang.management.ThreadInfo info = threads.getThreadInfo(entry.getKey());
            if (info == null) {
                continue;
            }
            long used = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            inThreads += used;
            parts.merge(partOf(info.getThreadName()), used, Long::sum);
        }
        parts.merge("other", Math.max(0, process - inThreads), Long::sum);
        return parts;
    }

    private static String partOf(String thread) {
        if (thread.startsWith("http-nio")) {
            return PARTS.get(0);
        }
        if (thread.startsWith("borgingsbot-reply")) {
            return PARTS.get(2);
        }
        if (thread.startsWith("borgingsbot-")) {
            return PARTS.get(1);
        }
        if (thread.startsWith("outbox")) {
            return PARTS.get(3);
        }
        if (thread.startsWith("fake-slack")) {
            return PARTS.get(4);
        }
        if (thread.startsWith("pool-") || thread.startsWith("HttpClient") || thread.startsWith("Thread-")
                || thread.equals("main")) {
            return PARTS.get(5);
        }
        return PARTS.get(6);
    }

    /** Time the JIT compiler spent compiling so far, in ms (its threads are not in the thread list). */
    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /** CPU time this process used so far, all threads. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static HttpRequest signed(URI uri, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", SlackSigner.sign(SlackTestBot.SECRET, now, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static String row(String app, int n, long[] sorted) {
        return "| " + app + " | " + n + " | " + ms(percentile(sorted, 0.50)) + " | " + ms(percentile(sorted, 0.99))
                + " | " + ms(sorted[sorted.length - 1]) + " | " + sorted.length + " |";
    }

    private static String ratio(long[] bot, long[] bare, double p) {
        return String.format(java.util.Locale.ROOT, "%.2f×", (double) percentile(bot, p) / percentile(bare, p));
    }
}
