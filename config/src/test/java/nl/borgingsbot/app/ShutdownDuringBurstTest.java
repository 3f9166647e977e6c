package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackPayloads;

/**
 * SIGTERM while a burst of answers is being handled: the real application in its own JVM, in
 * Slack's HTTP mode on a SQLite file, with a fake Slack that rate-limits the replies (so the core
 * is still busy when the signal comes). Every answer whose request was acknowledged (HTTP 200) is
 * in the database once the process has exited: the bot stops taking requests, finishes what it
 * acknowledged, and only then closes the database.
 */
class ShutdownDuringBurstTest {

    private static final int PARTNERS = 30;
    private static final int ANSWERS = 3; // the three reflections, typed one after the other
    private static final Pattern EVENTS_PORT = Pattern.compile("events at http://127\\.0\\.0\\.1:(\\d+)/slack/events");

    @TempDir
    Path dir;

    private FakeSlack slack;
    private Process bot;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        if (bot != null && bot.isAlive()) {
            bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (slack != null) {
            slack.close();
        }
    }

    /** Starts the application in a JVM of its own; the port of its {@code /slack/events}. */
    private int startBot(Path database) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BorgingsbotApplication.class.getName(),
                "--borging.db.url=jdbc:sqlite:" + database, "--SLACK_BOT_TOKEN=fake-bot-token",
                "--SLACK_SIGNING_SECRET=" + SignedSlack.SECRET, "--SLACK_API_URL=" + slack.apiUrl(),
                "--server.port=0",
                "--management.server.port=0", "--borging.admins=slack:UADMIN", "--logging.level.nl.borgingsbot=INFO")
                .directory(dir.toFile()) // not the module's folder: an empty class path entry would be it
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("MICROSOFT_")
                || name.startsWith("BORGING_") || name.startsWith("SPRING_") || name.startsWith("SERVER_")
                || name.startsWith("MANAGEMENT_"));
        bot = builder.start();
        bot.getOutputStream().close();
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher matcher = EVENTS_PORT.matcher(line);
                    if (matcher.find()) {
                        port.set(Integer.parseInt(matcher.group(1)));
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(output not readable: " + e.getMessage() + ")");
            }
            started.countDown();
        }, "bot-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(started.await(90, TimeUnit.SECONDS)).as("the bot started: %s", output).isTrue();
        assertThat(port.get()).as("the bot serves /slack/events: %s", output).isPositive();
        return port.get();
    }

    private void command(URI events, String text) throws Exception {
        int before = slack.calls("respond").size();
        String form = SignedSlack.form(SlackPayloads.command("UADMIN", "C1", text, slack.responseUrl(), "t" + ids.incrementAndGet()));
        assertThat(SignedSlack.send(events, form, SignedSlack.FORM, false)).isEqualTo(200);
        slack.await("the reply to /borging " + text, all -> slack.calls("respond").size() > before);
    }

    /** {@code user} types {@code text} in the DM; the HTTP status, or -1 when the request got no answer. */
    private int dm(URI events, String user, String text) {
        int id = ids.incrementAndGet();
        String event = SlackPayloads.dmEvent("Ev" + id, user, text, String.valueOf(1_700_000_000 + id)).toString();
        try {
            return SignedSlack.send(events, event, SignedSlack.JSON, false);
        } catch (IOException e) {
            return -1; // refused or cut off: not acknowledged, Slack would send it again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String partner(int i) {
        return String.format("U%02d", i);
    }

    @Test
    void everyAcknowledgedAnswerIsStoredWhenSigtermComesDuringABurst() throws Exception {
        slack = new FakeSlack();
        Path database = dir.resolve("bot.db");
        URI events = SignedSlack.events(startBot(database));

        command(events, "regio koppel Noord");
        for (int i = 1; i <= PARTNERS; i++) {
            command(events, "partner toevoegen <@" + partner(i) + "|p" + i + "> Organisatie " + i);
        }
        command(events, "ronde start");
        for (int i = 1; i <= PARTNERS; i++) {
            slack.awaitPosts(FakeSlack.dmChannel(partner(i)), 1); // the invitation
            assertThat(dm(events, partner(i), "start")).isEqualTo(200);
        }
        for (int i = 1; i <= PARTNERS; i++) {
            slack.awaitPosts(FakeSlack.dmChannel(partner(i)), 2); // the first reflection question
        }

        // the burst: every partner types three answers; Slack rate-limits the bot's replies meanwhile
        slack.rateLimit("chat.postMessage", PARTNERS);
        int repliesBefore = slack.calls("chat.postMessage").size();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch halfAcknowledged = new CountDownLatch(PARTNERS * ANSWERS / 2);
        ExecutorService people = Executors.newFixedThreadPool(PARTNERS);
        for (int i = 1; i <= PARTNERS; i++) {
            String user = partner(i);
            people.execute(() -> {
                for (int answer = 1; answer <= ANSWERS; answer++) {
                    String text = "Antwoord " + answer + " van " + user;
                    int status = dm(events, user, text);
                    statuses.put(text, status);
                    if (status == 200) {
                        halfAcknowledged.countDown();
                    }
                }
            });
        }
        assertThat(halfAcknowledged.await(30, TimeUnit.SECONDS)).as("half the burst acknowledged").isTrue();
        int repliesAtSigterm = slack.calls("chat.postMessage").size();
        long sigterm = System.nanoTime();
        bot.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
        people.shutdown();
        assertThat(people.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("the bot stopped: %s", output).isTrue();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);

        Set<String> acknowledged = new HashSet<>();
        statuses.forEach((text, status) -> {
            if (status == 200) {
                acknowledged.add(text);
            }
        });
        Set<String> answers = new HashSet<>(reflections(database));
        assertThat(answers).as("acknowledged answers stored; bot output: %s", output).containsAll(acknowledged);
        // the signal came while the core was busy: it went on storing and replying after it
        assertThat(slack.calls("chat.postMessage").size()).isGreaterThan(repliesAtSigterm);
        assertThat(output).anyMatch(line -> line.contains("shutdown: finishing acknowledged events"));
        System.out.printf("SIGTERM during a burst: %d of %d answers acknowledged, %d stored; bot replies: %d before"
                        + " the burst, %d at SIGTERM, %d at the end; stopped in %d ms, exit code %d%n",
                acknowledged.size(), PARTNERS * ANSWERS, answers.size(), repliesBefore, repliesAtSigterm,
                slack.calls("chat.postMessage").size(), stopMillis, bot.exitValue());
    }

    private static List<String> reflections(Path database) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM answer WHERE kind = 'reflection'")) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
