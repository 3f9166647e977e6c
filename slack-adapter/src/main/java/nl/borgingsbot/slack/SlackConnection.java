package nl.borgingsbot.slack;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.socket_mode.SocketModeClient;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.inbox.Inbox;
import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.core.i18n.Refusal;

/**
 * The bot's connection to one Slack workspace: one Bolt {@link App} serving both transports —
 * Socket Mode ({@link #startSocketMode()}) or HTTP ({@link #handleHttp}) — and the
 * {@link SlackGateway} the core sends through. The core is given late ({@link #connect}), because
 * the core needs the gateway before it exists.
 */
public final class SlackConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);
    /** Threads for what Slack asks outside the core (the App Home, the toelichting modal). */
    static final int WORKERS = 8;
    static final String DEFAULT_API_URL = "https://slack.com/api/";
    /** The pauses between attempts to reach Slack double from the first to the last. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LAST_PAUSE = Duration.ofMinutes(1);

    /** Slack could not be reached (network, DNS, an HTTP error): not the token's fault. */
    public static final class Unreachable extends Refusal {
        private static final long serialVersionUID = 1L;

        Unreachable(String apiUrl, String why) {
            super("config.slack.unreachable", apiUrl, why);
        }
    }

    /** Waits between two attempts ({@code Thread::sleep} in the bot, a recorder in tests). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final SlackSettings settings;
    private final App app;
    private final SlackGateway gateway;
    private final SlackApi methods;
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final ExecutorService pool;
    private final SlackRequestParser parser;
    private final Telemetry telemetry;
    private final SlackRequestCheck check;
    private volatile SocketModeApp socketMode;
    /** Set once the core is connected; clicks in HTTP mode go to it before Bolt. */
    private volatile SlackHandlers handlers;

    public SlackConnection(SlackSettings settings) {
        this(settings, WORKERS, Telemetry.NONE);
    }

    /** A connection that tells {@code telemetry} its ack latency and the rate limits it waited out. */
    public SlackConnection(SlackSettings settings, Telemetry telemetry) {
        this(settings, WORKERS, telemetry);
    }

    SlackConnection(SlackSettings settings, int workers) {
        this(settings, workers, Telemetry.NONE);
    }

    SlackConnection(SlackSettings settings, int workers, Telemetry telemetry) {
        this.settings = settings;
        SlackConfig slackConfig = new SlackConfig();
        settings.methodsUrlPrefix().ifPresent(slackConfig::setMethodsEndpointUrlPrefix);
        slackConfig.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret().orElse(null))
                // checked over the raw bytes by SlackRequestCheck: Bolt's check depends on the platform charset
                .requestVerificationEnabled(false)
                // edits, deletions and other events the bot does not handle are acked, so Slack does not retry them
                .allEventsApiAutoAckEnabled(true)
                .build();
        this.app = new App(config);
        this.methods = new SlackApi(slack, settings.botToken());
        this.telemetry = telemetry;
        this.gateway = new SlackGateway(methods, renderer, new RateLimitedCall(telemetry));
        this.parser = new SlackRequestParser(config);
        this.check = new SlackRequestCheck(settings.signingSecret(), java.time.Clock.systemUTC());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "slack-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The gateway the core sends DMs and channel posts through. */
    public ChatGateway gateway() {
        return gateway;
    }

    /** The Bolt app (for a benchmark's bare handler beside the bot's). */
    App app() {
        return app;
    }

    public SlackSettings settings() {
        return settings;
    }

    /**
     * Asks Slack whether it accepts the bot token ({@code auth.test}), before anything else
     * talks to Slack.
     *
     * @throws Unreachable when Slack cannot be reached at the API base URL
     * @throws Refusal     when Slack refuses the token
     */
    public void authenticate() {
        String apiUrl = settings.methodsUrlPrefix().orElse(DEFAULT_API_URL);
        AuthTestResponse answer;
        try {
            answer = methods.authTest(request -> request);
        } catch (IOException e) {
            throw new Unreachable(apiUrl, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (SlackApiException e) {
            throw new Unreachable(apiUrl, "HTTP " + e.getResponse().code());
        }
        if (!answer.isOk()) {
            throw new Refusal("config.slack.tokenRefused", answer.getError());
        }
        LOG.info("Slack: the token is accepted (team {})", answer.getTeamId());
    }

    /**
     * {@link #authenticate()}, and while Slack cannot be reached: wait and try again, the pause
     * doubling from {@link #FIRST_PAUSE} up to {@link #LAST_PAUSE}. For a bot that has worked with
     * Slack before, so that a network outage at start does not stop it.
     */
    public void awaitSlack(Pause pause) throws InterruptedException {
        Duration next = FIRST_PAUSE;
        while (true) {
            try {
                authenticate();
                return;
            } catch (Unreachable e) {
                LOG.warn("Slack: {} Trying again in {} s.", e.getMessage(), next.toSeconds());
                pause.pause(next);
                next = next.multipliedBy(2).compareTo(LAST_PAUSE) > 0 ? LAST_PAUSE : next.multipliedBy(2);
            }
        }
    }

    /** Hands Slack's events to the core from now on. */
    public void connect(Borgingsbot bot) {
        // the time from a request reaching Bolt to its ack (the handlers enqueue the work and ack at once);
        // added here, not in the constructor: Bolt's first middleware asks Slack about the token
        // (auth.test), which must come after authenticate() could say Slack is unreachable
        app.use((request, response, chain) -> {
            long start = System.nanoTime();
            try {
                return chain.next(request);
            } finally {
                telemetry.acknowledged("slack", Duration.ofNanos(System.nanoTime() - start));
            }
        });
        SlackHandlers handlers = new SlackHandlers(bot, gateway, methods, renderer, pool);
        handlers.register(app);
        this.handlers = handlers;
    }

    /** Connects over Socket Mode (needs the app-level token); returns once connected. */
    public void startSocketMode() throws Exception {
        startSocketMode(SocketModeClient.Backend.JavaWebSocket);
    }

    void startSocketMode(SocketModeClient.Backend backend) throws Exception {
        String appToken = settings.appToken().orElseThrow(() -> new IllegalStateException("no SLACK_APP_TOKEN"));
        socketMode = new SocketModeApp(appToken, app, backend);
        socketMode.startAsync();
        LOG.info("Slack: connected over Socket Mode");
    }

    /**
     * Whether the bot is connected to Slack now: Slack answers and accepts the bot token
     * ({@code auth.test}, one call) and, in Socket Mode, the socket is open.
     */
    public boolean connected() {
        try {
            if (!methods.authTest(r -> r).isOk()) {
                return false;
            }
        } catch (IOException | SlackApiException e) {
            return false;
        }
        if (settings.mode() != SlackSettings.Mode.SOCKET) {
            return true;
        }
        SocketModeApp socket = socketMode;
        return socket != null && !socket.isClientStopped() && socket.getClient().verifyConnection();
    }

    /**
     * One HTTP request to {@code /slack/events}: the signature is checked over the raw bytes
     * ({@link SlackRequestCheck}), then the body is decoded as UTF-8 (never by a platform or
     * servlet default) and Bolt dispatches it.
     */
    public HttpReply handleHttp(String requestUri, Map<String, List<String>> headers, byte[] body,
                                String remoteAddress) {
        if (check.refusal(headers, body).isPresent()) {
            return new HttpReply(401, "application/json", Map.of(), "{\"error\":\"invalid request\"}");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        SlackHandlers handlers = this.handlers;
        try {
            long start = System.nanoTime();
            if (handlers != null && handlers.clickBeforeBolt(text)) {
                telemetry.acknowledged("slack", Duration.ofNanos(System.nanoTime() - start));
                return new HttpReply(200, "text/plain", Map.of(), "");
            }
        } catch (Inbox.Busy e) {
            return busy();
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(requestUri)
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(text)
                .remoteAddress(remoteAddress)
                .build());
        if (request == null) {
            return new HttpReply(400, "text/plain", Map.of(), "Invalid Request");
        }
        try {
            Response response = app.run(request);
            return new HttpReply(response.getStatusCode(), Optional.ofNullable(response.getContentType()).orElse("text/plain"),
                    response.getHeaders(), Optional.ofNullable(response.getBody()).orElse(""));
        } catch (Inbox.Busy e) {
            return busy();
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            return new HttpReply(500, "text/plain", Map.of(), "");
        }
    }

    /** Not acknowledged because the core is full: Slack sends an event again later (the core logged it). */
    private static HttpReply busy() {
        return new HttpReply(503, "text/plain", Map.of("Retry-After", List.of("1")), "");
    }

    /** An HTTP answer to Slack. */
    public record HttpReply(int status, String contentType, Map<String, List<String>> headers, String body) {
    }

    @Override
    public void close() {
        try {
            if (socketMode != null) {
                socketMode.stop();
            }
        } catch (Exception e) {
            LOG.warn("Slack: Socket Mode did not stop cleanly: {}", e.getMessage());
        }
        app.stop();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
