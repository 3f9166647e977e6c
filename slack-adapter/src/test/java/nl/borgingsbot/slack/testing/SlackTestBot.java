package nl.borgingsbot.slack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;


import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.slack.SlackConnection;
import nl.borgingsbot.slack.SlackGateway;
import nl.borgingsbot.slack.SlackSettings;

/**
 * The real bot in Slack's HTTP mode, behind a real HTTP endpoint on 127.0.0.1, talking to a
 * {@link FakeSlack}; people act through real signed requests (slash command, DM events, button
 * clicks) exactly as Slack sends them. {@code UADMIN} is the administrator, {@code C1} the channel.
 */
public final class SlackTestBot implements AutoCloseable {

    public static final String SECRET = "test-signing-secret";
    public static final String ADMIN = "UADMIN";
    public static final String CHANNEL = "C1";

    private final FakeSlack slack;
    private final Database database;
    private final SlackConnection connection;
    private final Borgingsbot bot;
    private final SlackEndpoint endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ids = new AtomicInteger();

    public SlackTestBot(Path dir) throws IOException {
        this(dir, settings -> new SlackConnection(settings));
    }

    /** With a connection made by {@code connections} (e.g. another number of worker threads). */
    public SlackTestBot(Path dir, java.util.function.Function<SlackSettings, SlackConnection> connections)
            throws IOException {
        this(dir, connections, Borgingsbot.WORKERS);
    }

    /** With a connection made by {@code connections} and this many core threads after the ack. */
    public SlackTestBot(Path dir, java.util.function.Function<SlackSettings, SlackConnection> connections,
                        int coreWorkers) throws IOException {
        this(dir, connections, coreWorkers, new FakeSlack());
    }

    /** As above, against this fake Slack (e.g. one with {@link FakeSlack#tiers rate limits}); closes it. */
    public SlackTestBot(Path dir, java.util.function.Function<SlackSettings, SlackConnection> connections,
                        int coreWorkers, FakeSlack fake) throws IOException {
        this(dir, connections, Borgingsbot.Settings.defaults().withWorkers(coreWorkers), fake);
    }

    /** With the core tuned by {@code settings}, against this fake Slack; closes it. */
    public SlackTestBot(Path dir, java.util.function.Function<SlackSettings, SlackConnection> connections,
                        Borgingsbot.Settings settings, FakeSlack fake) throws IOException {
        slack = fake;
        database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        connection = connections.apply(new SlackSettings("fake-bot-token-for-tests", Optional.empty(), Optional.of(SECRET),
                Optional.of(slack.apiUrl())));
        bot = new Borgingsbot(database.repositories(), Fixtures.catalog(),
                new Gateways(List.of(connection.gateway())), Administrators.parse("slack:" + ADMIN, Platforms.of(SlackGateway.PLATFORM)), Clock.systemUTC(),
                settings);
        connection.connect(bot);
        endpoint = SlackEndpoint.start(connection);
    }

    public FakeSlack slack() {
        return slack;
    }

    public Database database() {
        return database;
    }

    public Borgingsbot bot() {
        return bot;
    }

    /** Slack, as the core knows it (for users and channels made directly in the repositories). */
    public nl.borgingsbot.core.chat.Platform platform() {
        return connection.gateway().platform();
    }

    public URI eventsUri() {
        return endpoint.eventsUri();
    }

    /** {@code /borging <text>} typed by {@code user} in {@code channel}; the HTTP status of the ack. */
    public int command(String user, String channel, String text) {
        Map<String, String> form = SlackPayloads.command(user, channel, text, slack.responseUrl(), "t" + ids.incrementAndGet());
        return send(form(form), "application/x-www-form-urlencoded", Map.of()).statusCode();
    }

    /** A command in the region channel, waiting until its reply reached the caller; that reply. */
    public FakeSlack.Call commandAndWait(String user, String text) {
        return commandAndWait(user, CHANNEL, text);
    }

    /** A command in {@code channel}, waiting until its reply reached the caller; that reply. */
    public FakeSlack.Call commandAndWait(String user, String channel, String text) {
        int before = slack.calls("respond").size();
        int status = command(user, channel, text);
        if (status != 200) {
            throw new AssertionError("/borging " + text + " answered " + status);
        }
        return slack.await("reply to /borging " + text, all -> slack.calls("respond").size() > before)
                .stream().filter(c -> c.method().equals("respond")).skip(before).findFirst().orElseThrow();
    }

    /** The JSON of a DM message event from {@code user}. */
    public String dmEvent(String eventId, String user, String text) {
        return SlackPayloads.dmEvent(eventId, user, text, String.valueOf(ids.incrementAndGet())).toString();
    }

    /** {@code user} types {@code text} in the DM (a fresh event id); the HTTP status. */
    public int dm(String user, String text) {
        return send(dmEvent("Ev" + ids.incrementAndGet(), user, text), "application/json", Map.of()).statusCode();
    }

    /** Types in the DM and waits for the bot's reply there; that reply. */
    public FakeSlack.Call dmAndWait(String user, String text) {
        String channel = FakeSlack.dmChannel(user);
        int before = slack.posts(channel).size();
        int status = dm(user, text);
        if (status != 200) {
            throw new AssertionError("DM '" + text + "' answered " + status);
        }
        return slack.awaitPosts(channel, before + 1).get(before);
    }

    /** The latest message the bot posted in {@code user}'s DM. */
    public FakeSlack.Call lastDm(String user) {
        List<FakeSlack.Call> posts = slack.posts(FakeSlack.dmChannel(user));
        if (posts.isEmpty()) {
            throw new AssertionError("no DM to " + user);
        }
        return posts.get(posts.size() - 1);
    }

    /** The form body of a click by {@code user} on the button starting with {@code label} in {@code message}. */
    public String clickPayload(String user, FakeSlack.Call message, String ts, String label) {
        return form(Map.of("payload", SlackPayloads.click(user, message, ts, label, slack.responseUrl(),
                String.valueOf(ids.incrementAndGet())).toString()));
    }

    /** Clicks a button in the latest DM to {@code user} and waits for the bot's next DM; that DM. */
    public FakeSlack.Call clickAndWait(String user, String label) {
        String channel = FakeSlack.dmChannel(user);
        List<FakeSlack.Call> posts = slack.posts(channel);
        FakeSlack.Call message = posts.get(posts.size() - 1);
        String ts = tsOf(message);
        int status = send(clickPayload(user, message, ts, label), "application/x-www-form-urlencoded", Map.of()).statusCode();
        if (status != 200) {
            throw new AssertionError("click '" + label + "' answered " + status);
        }
        return slack.awaitPosts(channel, posts.size() + 1).get(posts.size());
    }

    /** The ts the fake gave a posted message (the fake numbers them in order of posting). */
    public String tsOf(FakeSlack.Call message) {
        return slack.tsOf(message);
    }

    /** Sends a body signed now with the test secret; extra headers may override anything. */
    public HttpResponse<String> send(String body, String contentType, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", contentType);
        all.put("X-Slack-Request-Timestamp", String.valueOf(timestamp));
        all.put("X-Slack-Signature", SlackSigner.sign(SECRET, timestamp, bytes));
        all.putAll(headers);
        return sendRaw(bytes, all);
    }

    /** Sends exactly these bytes with exactly these headers. */
    public HttpResponse<String> sendRaw(byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(eventsUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        endpoint.close();
        connection.close();
        bot.close();
        database.close();
        slack.close();
    }
}
