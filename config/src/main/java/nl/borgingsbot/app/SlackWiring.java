package nl.borgingsbot.app;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import nl.borgingsbot.slack.SlackGateway;
import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.slack.SlackConnection;
import nl.borgingsbot.slack.SlackEventsServlet;
import nl.borgingsbot.slack.SlackSettings;

/**
 * Slack, only when its credentials are set: {@code SLACK_BOT_TOKEN} with {@code SLACK_APP_TOKEN}
 * (Socket Mode) or with {@code SLACK_SIGNING_SECRET} (HTTP mode: {@code /slack/events} on the
 * application's web server, {@code SERVER_PORT}, beside Teams' {@code /api/messages}).
 * With none of them nothing Slack-related is created or started. {@code SLACK_API_URL} overrides
 * the Web API base URL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackWiring.Enabled.class)
class SlackWiring {

    /** True when the environment has enough to connect to Slack. */
    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return environment.getProperty("borging.platforms.enabled", Boolean.class, true) // false: the export
                    && settings(environment).isPresent();
        }
    }

    static Optional<SlackSettings> settings(Environment environment) {
        Optional<String> bot = value(environment, "SLACK_BOT_TOKEN");
        Optional<String> app = value(environment, "SLACK_APP_TOKEN");
        Optional<String> secret = value(environment, "SLACK_SIGNING_SECRET");
        if (bot.isEmpty() || (app.isEmpty() && secret.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(bot.get(), app, secret, value(environment, "SLACK_API_URL")));
    }

    private static Optional<String> value(Environment environment, String name) {
        return Optional.ofNullable(environment.getProperty(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Closed before the database, so the events its workers still handle on shutdown can be stored. */
    @Bean(destroyMethod = "close")
    @DependsOn("database")
    SlackConnection slackConnection(Environment environment, Telemetry telemetry) {
        return new SlackConnection(settings(environment).orElseThrow(), telemetry);
    }

    @Bean
    ChatGateway slackGateway(SlackConnection connection) {
        return connection.gateway();
    }

    /**
     * HTTP mode's entry on the application's web server: the raw request bytes go to Bolt (see
     * {@link SlackEventsServlet}). Depends on nothing: the web server creates it before the other beans.
     */
    @Bean
    ServletRegistrationBean<SlackEventsServlet> slackEvents(Environment environment) {
        ServletRegistrationBean<SlackEventsServlet> registration =
                new ServletRegistrationBean<>(new SlackEventsServlet(), SlackEventsServlet.PATH);
        registration.setEnabled(settings(environment).orElseThrow().mode() == SlackSettings.Mode.HTTP);
        return registration;
    }

    @Bean
    SlackTransport slackTransport(SlackConnection connection, Borgingsbot bot, RegionRepository regions,
                                  ServletRegistrationBean<SlackEventsServlet> slackEvents, Environment environment) {
        // a database with Slack regions has worked with this Slack before: an outage at start is waited out
        BooleanSupplier workedBefore = () -> regions.all().stream()
                .anyMatch(region -> region.channel().platform().equals(SlackGateway.PLATFORM));
        return new SlackTransport(connection, bot, workedBefore, slackEvents.getServlet(), environment);
    }

    /**
     * Hands Slack's events to the core once the context is up (and the web server listens), over
     * Socket Mode or the HTTP endpoint, and keeps the application running until it is stopped.
     * First asks Slack whether it takes the token: a refused token stops the start; so does an
     * unreachable Slack, unless the bot has worked with Slack before — then it waits for Slack in
     * the background, trying again with growing pauses (meanwhile {@code /slack/events} answers 503).
     */
    static final class SlackTransport implements SmartLifecycle {

        private static final Logger LOG = LoggerFactory.getLogger(SlackTransport.class);

        private final SlackConnection connection;
        private final Borgingsbot bot;
        private final BooleanSupplier workedBefore;
        private final SlackEventsServlet http;
        private final Environment environment;
        private CountDownLatch running;
        private Thread waiting;

        SlackTransport(SlackConnection connection, Borgingsbot bot, BooleanSupplier workedBefore,
                       SlackEventsServlet http, Environment environment) {
            this.connection = connection;
            this.bot = bot;
            this.workedBefore = workedBefore;
            this.http = http;
            this.environment = environment;
        }

        @Override
        public synchronized void start() {
            try {
                connection.authenticate();
                connection.connect(bot);
                startTransport();
            } catch (SlackConnection.Unreachable e) {
                if (!workedBefore.getAsBoolean()) {
                    throw e;
                }
                waiting = new Thread(this::waitForSlack, "slack-connect");
                waiting.setDaemon(true);
                waiting.start();
            }
            CountDownLatch latch = new CountDownLatch(1);
            running = latch;
            Thread keepAlive = new Thread(() -> {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "slack-keep-alive");
            keepAlive.setDaemon(false);
            keepAlive.start();
        }

        private void waitForSlack() {
            try {
                connection.awaitSlack(duration -> Thread.sleep(duration.toMillis()));
                synchronized (this) {
                    if (running != null) {
                        connection.connect(bot);
                        startTransport();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Slack could not be started: {}", e.getMessage());
            }
        }

        private void startTransport() {
            try {
                if (connection.settings().mode() == SlackSettings.Mode.SOCKET) {
                    connection.startSocketMode();
                } else {
                    http.open(connection);
                    LOG.info("Slack: HTTP mode, events at http://{}:{}{}",
                            environment.getProperty("server.address", "0.0.0.0"),
                            environment.getProperty("local.server.port"), SlackEventsServlet.PATH);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Slack could not be started: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized void stop() {
            if (waiting != null) {
                waiting.interrupt();
                waiting = null;
            }
            http.close();
            if (running != null) {
                running.countDown();
                running = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return running != null;
        }

        /** Stops taking events first on shutdown (see {@link GracefulShutdown}). */
        @Override
        public int getPhase() {
            return GracefulShutdown.TAKE_EVENTS;
        }
    }
}
