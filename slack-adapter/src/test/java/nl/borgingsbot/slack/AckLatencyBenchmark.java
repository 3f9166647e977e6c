package nl.borgingsbot.slack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class AckLatencyBenchmark {

    private static final int WAVES = 7;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
        try {
            if (args.length > 0 && args[0].equals("waves")) {
                waves();
            } else {
                issue11(java.util.Arrays.stream(args).filter(a -> a.startsWith("workers="))
                        .map(a -> Integer.parseInt(a.substring(8))).findFirst().orElse(Borgingsbot.WORKERS));
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the servers' threads would keep the JVM alive
        }
        System.exit(0);
    }

    /**
     * Issue 11: 200 partners answering with about a second between clicks, then all 200 clicking at
     * once, each click followed by the real work (the core stores the answer, the fake Slack gets
     * chat.update and the next question), with Slack answering in 0 ms and in 80 ms; beside it the
     * same clicks, in the same rhythm, against a bare Bolt app that only acks.
     */
    private static void issue11(int workers) throws Exception {
        AckLatencyBenchmark bench = new AckLatencyBenchmark();
        System.out.println("ack benchmark (issue 11), " + java.time.Instant.now() + " UTC, load average "
                + BenchStats.load());
        System.out.println("the core handles events after the ack on " + workers + " threads");
        bench.run(50, "warm-up", workers, new ArrayList<>());
        List<String> rows = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int latency : new int[] {0, 80}) {
            Loaded bot = bench.loaded(PARTNERS, latency, workers);
            Loaded bare = bench.bareReplay(bot);
            for (String phase : new String[] {"think", "burst"}) {
                long[] botAck = sorted(bot.acks(phase));
                long[] bareAck = sorted(bare.acks(phase));
                long[] next = sorted(bot.next(phase));
                rows.add("| " + latency + " ms | " + (phase.equals("think") ? PARTNERS + " partners, ~1 s think time, "
                        + THINK + " clicks each" : PARTNERS + " clicks at once") + " | " + ms(percentile(botAck, 0.50))
                        + " | " + ms(percentile(botAck, 0.99)) + " | " + ms(percentile(bareAck, 0.50)) + " | "
                        + ms(percentile(bareAck, 0.99)) + " | " + ratio(botAck, bareAck, 0.99) + " | "
                        + ms(percentile(next, 0.50)) + " | " + ms(percentile(next, 0.99)) + " | " + botAck.length + " |");
            }
            int clicks = bot.acks("think").size() + bot.acks("burst").size();
            cpu.add("| " + latency + " ms | " + String.format(java.util.Locale.ROOT, "%.2f ms", bot.cpuNanos().get() / 1e6 / clicks)
                    + " | " + String.format(java.util.Locale.ROOT, "%.2f ms", bare.cpuNanos().get() / 1e6 / clicks) + " | " + clicks + " |");
            parts.add("| " + latency + " ms | " + String.join(" | ", bot.cpuByPart().values().stream()
                    .map(nanos -> String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6 / clicks)).toList()) + " |");
            System.err.println("latency " + latency + " ms done, load average " + BenchStats.load());
        }
        System.out.println("| Slack API latency | load | bot ack p50 | bot ack p99 | bare ack p50 | bare ack p99 "
                + "| ack p99 bot / bare | click to next question p50 | p99 | clicks |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("CPU time of the whole process per click while clicking (the bot's run includes the fake Slack"
                + " answering the bot's calls, and the load generator):");
        System.out.println("| Slack API latency | bot run | bare app run | clicks |");
        System.out.println("|---|---|---|---|");
        cpu.forEach(System.out::println);
        System.out.println();
        System.out.println("The bot's run per click, by thread (CPU time of the threads alive at the end; \"other\": the"
                + " garbage collector, the JIT compiler and threads that ended, e.g. the simulated partners):");
        System.out.println("| Slack API latency | " + String.join(" | ", PARTS) + " |");
        System.out.println("|---|" + "---|".repeat(PARTS.size()));
        parts.forEach(System.out::println);
        System.out.println("load average at the end " + BenchStats.load());
    }

    private static final int PARTNERS = 200;
    /** Clicks per partner with think time; the next statement is the burst. */
    private static final int THINK = 6;

    /** One run's latencies in µs per phase ("think", "burst"), and what the bare app replays. */
    private record Loaded(java.util.Map<String, List<Long>> ack, java.util.Map<String, List<Long>> nextQuestion,
                          List<List<String>> thinkBodies, List<List<Long>> thinkMillis, List<String> burstBodies,
                          java.util.concurrent.atomic.AtomicLong cpuNanos, java.util.Map<String, Long> cpuByPart) {
        List<Long> acks(String phase) {
            return ack.getOrDefault(phase, List.of());
        }

        List<Long> next(String phase) {
            return nextQuestion.getOrDefault(phase, List.of());
        }

        static Loaded empty() {
            return new Loaded(new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new java.util.concurrent.atomic.AtomicLong(),
                    new java.util.TreeMap<>());
        }

        void add(java.util.Map<String, List<Long>> to, String phase, long micros) {
            to.computeIfAbsent(phase, p -> java.util.Collections.synchronizedList(new ArrayList<>())).add(micros);
        }
    }

    /** The bot with n partners at statement 1, Slack answering in {@code latencyMs}: THINK clicks each with ~1 s think time, then one burst. */
    private Loaded loaded(int n, int latencyMs, int workers) throws Exception {
        Path dir = Files.createTempDirectory("ack-bench");
        FakeSlack fake = new FakeSlack();
        SlackTiers tiers = SlackTiers.latencyOnly(java.time.Duration.ofMillis(latencyMs));
        fake.tiers(tiers);
        Loaded result = Loaded.empty();
        try (SlackTestBot test = new SlackTestBot(dir, SlackConnection::new, workers, fake)) {
            List<String> users = atFirstStatement(test, n);
            long cpu = cpuNanos();
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
            for (String user : users) {
                result.burstBodies().add(clickOnLast(test, user, 4));
            }
            burst(test, tiers, result, users);
            result.cpuNanos().set(cpuNanos() - cpu);
            result.cpuByPart().putAll(byPart(threadsBefore, threadCpu(), result.cpuNanos().get()));
            System.err.println("bot at " + latencyMs + " ms done");
        }
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
    private void burst(SlackTestBot test, SlackTiers tiers, Loaded result, List<String> users) throws Exception {
        int n = users.size();
        ExecutorService clients = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = users.get(i);
            String body = result.burstBodies().get(i);
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

    /** The same clicks in the same rhythm against a Bolt app that only acks. */
    private Loaded bareReplay(Loaded bot) throws Exception {
        Loaded result = Loaded.empty();
        try (FakeSlack slack = new FakeSlack();
             SlackConnection bare = new SlackConnection(new SlackSettings("fake-bot-token", Optional.empty(),
                     Optional.of(SlackTestBot.SECRET), Optional.of(slack.apiUrl())))) {
            bare.app().blockAction(Pattern.compile(".+"), (req, ctx) -> ctx.ack());
            try (SlackEndpoint server = SlackEndpoint.start(bare)) {
                URI uri = server.eventsUri();
                wave(uri, bot.burstBodies()); // warm this app up once
                long cpu = cpuNanos();
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
                wave(uri, bot.burstBodies()).forEach(micros -> result.add(result.ack(), "burst", micros));
                result.cpuNanos().set(cpuNanos() - cpu);
            }
        }
        return result;
    }

    /** n partners added, the round started, each at their first statement (Start and the three reflections done). */
    private static List<String> atFirstStatement(SlackTestBot test, int n) throws Exception {
        FakeSlack slack = test.slack();
        test.commandAndWait(SlackTestBot.ADMIN, "regio koppel Bench");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = "UP" + i;
            users.add(user);
            test.commandAndWait(SlackTestBot.ADMIN, "partner toevoegen <@" + user + "|p" + i + "> Organisatie " + i);
        }
        int replies = slack.calls("respond").size();
        if (test.command(SlackTestBot.ADMIN, SlackTestBot.CHANNEL, "ronde start") != 200) {
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

    /** The generator before issue 11: seven waves of N simultaneous clicks, N = 50 and 200, 8 and 2 workers. */
    private static void waves() throws Exception {
        AckLatencyBenchmark bench = new AckLatencyBenchmark();
        List<String> rows = new ArrayList<>();
        bench.run(50, "warm-up", Borgingsbot.WORKERS, new ArrayList<>());
        for (int n : new int[] {50, 200}) {
            List<String> payloads = new ArrayList<>();
            long[] bot = bench.run(n, "bot", Borgingsbot.WORKERS, payloads);
            long[] two = bench.run(n, "bot-2", 2, new ArrayList<>());
            long[] bare = bench.bare(payloads);
            rows.add(row("Borgingsbot (" + Borgingsbot.WORKERS + " workers after the ack, the default)", n, bot));
            rows.add(row("Borgingsbot (2 workers after the ack)", n, two));
            rows.add(row("bare Bolt app (ack only)", n, bare));
            rows.add("| ratio bot / bare (default; 2 workers) | " + n + " | " + ratio(bot, bare, 0.50) + "; "
                    + ratio(two, bare, 0.50) + " | " + ratio(bot, bare, 0.99) + "; " + ratio(two, bare, 0.99) + " | | |");
        }
        System.out.println("| app | N | p50 | p99 | max | samples |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** The bot with n partners at statement 1; seven waves of n simultaneous score clicks. */
    private long[] run(int n, String label, int workers, List<String> payloads) throws Exception {
        Path dir = Files.createTempDirectory("ack-bench");
        try (SlackTestBot test = new SlackTestBot(dir, SlackConnection::new, workers)) {
            FakeSlack slack = test.slack();
            List<String> users = atFirstStatement(test, n);
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
            System.err.println(label + " N=" + n + " done");
            return sorted(latencies);
        }
    }

    /** The same clicks against a Bolt app that only acks, on the same kind of endpoint. */
    private long[] bare(List<String> payloads) throws Exception {
        try (FakeSlack slack = new FakeSlack();
             SlackConnection bare = new SlackConnection(new SlackSettings("fake-bot-token", Optional.empty(),
                     Optional.of(SlackTestBot.SECRET), Optional.of(slack.apiUrl())))) {
            bare.app().blockAction(Pattern.compile(".+"), (req, ctx) -> ctx.ack());
            try (SlackEndpoint server = SlackEndpoint.start(bare)) {
                URI uri = server.eventsUri();
                int n = payloads.size() / WAVES;
                wave(uri, payloads.subList(0, n)); // warm this app up once as well
                List<Long> latencies = new ArrayList<>();
                for (int wave = 0; wave < WAVES; wave++) {
                    latencies.addAll(wave(uri, payloads.subList(wave * n, (wave + 1) * n)));
                }
                return sorted(latencies);
            }
        }
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
