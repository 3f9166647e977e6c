package nl.borgingsbot.slack;

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

/**
 * The bot's connection to one Slack workspace: one Bolt {@link App} serving both transports —
 * Socket Mode ({@link #startSocketMode()}) or HTTP ({@link #handleHttp}) — and the
 * {@link SlackGateway} the core sends through. The core is given late ({@link #connect}), because
 * the core needs the gateway before it exists.
 */
public final class SlackConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);
    /** Threads for the work after the ack: mostly waiting on Slack's Web API, so more than the cores. */
    static final int WORKERS = 8;

    private final SlackSettings settings;
    private final App app;
    private final SlackGateway gateway;
    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final ExecutorService pool;
    private final SlackRequestParser parser;
    private final SlackRequestCheck check;
    private SocketModeApp socketMode;

    public SlackConnection(SlackSettings settings) {
        this(settings, WORKERS);
    }

    SlackConnection(SlackSettings settings, int workers) {
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
        this.gateway = new SlackGateway(slack.methods(settings.botToken()), renderer);
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

    /** Hands Slack's events to the core from now on. */
    public void connect(Borgingsbot bot) {
        new SlackHandlers(bot, gateway, renderer, new SerialExecutor(pool)).register(app);
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
     * One HTTP request to {@code /slack/events}: the signature is checked over the raw bytes
     * ({@link SlackRequestCheck}), then the body is decoded as UTF-8 (never by a platform or
     * servlet default) and Bolt dispatches it.
     */
    public HttpReply handleHttp(String requestUri, Map<String, List<String>> headers, byte[] body,
                                String remoteAddress) {
        if (check.refusal(headers, body).isPresent()) {
            return new HttpReply(401, "application/json", Map.of(), "{\"error\":\"invalid request\"}");
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(requestUri)
                .queryString(Map.of())
                .headers(new RequestHeaders(headers))
                .requestBody(new String(body, StandardCharsets.UTF_8))
                .remoteAddress(remoteAddress)
                .build());
        if (request == null) {
            return new HttpReply(400, "text/plain", Map.of(), "Invalid Request");
        }
        try {
            Response response = app.run(request);
            return new HttpReply(response.getStatusCode(), Optional.ofNullable(response.getContentType()).orElse("text/plain"),
                    response.getHeaders(), Optional.ofNullable(response.getBody()).orElse(""));
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            return new HttpReply(500, "text/plain", Map.of(), "");
        }
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
