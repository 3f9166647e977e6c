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
import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackEndpoint;
import nl.borgingsbot.slack.testing.SlackSigner;
import nl.borgingsbot.slack.testing.SlackTestBot;

/**
 * Ack latency of score clicks in HTTP mode: N partners click their statement's score button at
 * the same moment, seven times (one wave per statement), as signed requests over real HTTP; the
 * time from sending a click to its HTTP answer is the ack latency. Beside it, the same requests
 * against a bare Bolt app that only acks, in the same run. Not a test: run it by hand (see
 * docs/benchmarks.md); it prints a Markdown table.
 */
public final class AckLatencyBenchmark {

    private static final int WAVES = 7;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
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
        System.exit(0);
    }

    /** The bot with n partners at statement 1; seven waves of n simultaneous score clicks. */
    private long[] run(int n, String label, int workers, List<String> payloads) throws Exception {
        Path dir = Files.createTempDirectory("ack-bench");
        try (SlackTestBot test = new SlackTestBot(dir, SlackConnection::new, workers)) {
            FakeSlack slack = test.slack();
            test.commandAndWait(SlackTestBot.ADMIN, "regio koppel Bench");
            List<String> users = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String user = "UP" + i;
                users.add(user);
                test.commandAndWait(SlackTestBot.ADMIN, "partner toevoegen <@" + user + "|p" + i + "> Organisatie " + i);
            }
            test.commandAndWait(SlackTestBot.ADMIN, "ronde start");
            slack.await("intros", all -> users.stream().allMatch(u -> !slack.posts(FakeSlack.dmChannel(u)).isEmpty()));
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
