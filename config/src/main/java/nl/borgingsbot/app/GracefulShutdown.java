package nl.borgingsbot.app;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import nl.borgingsbot.core.Borgingsbot;

/**
 * The order in which the bot stops on SIGTERM (a higher phase stops earlier; Spring gives each
 * phase {@code spring.lifecycle.timeout-per-shutdown-phase}, 20 s):
 * <ol>
 *   <li>{@link #TAKE_EVENTS}: Slack's transport stops taking events (Socket Mode closes; in HTTP
 *   mode {@code /slack/events} answers 503, so Slack sends them again);</li>
 *   <li>Spring's web server (Teams' {@code /api/messages}, Slack's {@code /slack/events}) refuses
 *   new requests, finishes the ones it has (graceful shutdown) and stops; readiness is DOWN from
 *   the start of shutdown;</li>
 *   <li>{@link #DRAIN}: the core finishes the events it acknowledged ({@link Borgingsbot#awaitIdle});</li>
 *   <li>{@link #SCHEDULER}: the round scheduler (Quartz) stops;</li>
 *   <li>then the beans are closed: the Slack connection, the database (last).</li>
 * </ol>
 */
@Component
class GracefulShutdown implements SmartLifecycle {

    static final int TAKE_EVENTS = SmartLifecycle.DEFAULT_PHASE;
    /** Below Spring's web server phases (graceful shutdown, then stop), so Teams' intake is closed. */
    static final int DRAIN = SmartLifecycle.DEFAULT_PHASE - 4096;
    static final int SCHEDULER = DRAIN - 1024;

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final ConfigurableListableBeanFactory beans;
    private final Duration timeout;
    private volatile boolean running;

    GracefulShutdown(ConfigurableListableBeanFactory beans,
                     @Value("${spring.lifecycle.timeout-per-shutdown-phase:20s}") Duration timeout) {
        this.beans = beans;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        // only a bot that was created: asking for a lazy one (the demo) would create it, and its database
        for (String name : beans.getBeanNamesForType(Borgingsbot.class, false, false)) {
            if (!beans.containsSingleton(name)) {
                continue;
            }
            Borgingsbot bot = beans.getBean(name, Borgingsbot.class);
            LOG.info("shutdown: finishing acknowledged events (at most {} s)", timeout.toSeconds());
            if (!bot.awaitIdle(timeout)) {
                LOG.warn("shutdown: events still being handled after {} s; the platforms' retries will bring them again",
                        timeout.toSeconds());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DRAIN;
    }
}
