package nl.borgingsbot.app;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * What the core tells the operator: Micrometer meters named {@code borging.*} (so
 * {@code borging_*} at {@code /actuator/prometheus}) and one INFO line per round event, with the
 * region and the round's number. Labels are only a platform, a kind of delivery and a failure
 * reason — never a person or an answer; the core gives nothing else.
 */
final class OperatorTelemetry implements Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorTelemetry.class);

    private final MeterRegistry registry;
    private final Counter roundsOpened;
    private final Counter roundsClosed;
    private final Counter checkInsStarted;
    private final Counter checkInsSubmitted;
    private final Counter answersStored;
    private final Counter remindersSent;
    private final Counter reportsPosted;

    OperatorTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.roundsOpened = counter("borging.rounds.opened", "Rounds opened (by hand or by the schedule)");
        this.roundsClosed = counter("borging.rounds.closed", "Rounds closed");
        this.checkInsStarted = counter("borging.checkins.started", "Check-ins a partner began");
        this.checkInsSubmitted = counter("borging.checkins.submitted", "Check-ins submitted");
        this.answersStored = counter("borging.answers.stored", "Answers stored (reflections, scores, action updates)");
        this.remindersSent = counter("borging.reminders.sent", "Reminders delivered to partners");
        this.reportsPosted = counter("borging.reports.posted", "Round reports posted to a region channel");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void roundOpened(String region, int round, int invited) {
        roundsOpened.increment();
        LOG.info("round opened: region {}, round {}, {} partner(s) invited", region, round, invited);
    }

    @Override
    public void reminded(String region, int round, int sent) {
        remindersSent.increment(sent);
        LOG.info("round reminded: region {}, round {}, {} reminder(s) sent", region, round, sent);
    }

    @Override
    public void roundClosed(String region, int round) {
        roundsClosed.increment();
        LOG.info("round closed: region {}, round {}", region, round);
    }

    @Override
    public void reportPosted(String region, int round) {
        reportsPosted.increment();
        LOG.info("round reported: region {}, round {}", region, round);
    }

    @Override
    public void deliveryFailed(String region, int round, String what, String reason) {
        Counter.builder("borging.deliveries.failed").description("Messages that could not be delivered")
                .tag("kind", what).tag("reason", reason).register(registry).increment();
        LOG.info("delivery failed: region {}, round {}, {} not delivered ({})",
                region.isEmpty() ? "-" : region, round, what, reason);
    }

    @Override
    public void checkInStarted() {
        checkInsStarted.increment();
    }

    @Override
    public void checkInSubmitted() {
        checkInsSubmitted.increment();
    }

    @Override
    public void answerStored() {
        answersStored.increment();
    }

    @Override
    public void rateLimited(String platform, Duration waited) {
        Timer.builder("borging.ratelimit.wait")
                .description("HTTP 429 answers from a chat platform (count) and the time waited for them (sum)")
                .tag("platform", platform).register(registry).record(waited);
    }

    @Override
    public void acknowledged(String platform, Duration latency) {
        String name = platform.equals("slack") ? "borging.slack.ack" : "borging." + platform + ".request";
        Timer.builder(name)
                .description(platform.equals("slack") ? "From a Slack request reaching the bot to its ack"
                        : "A " + platform + " request to the bot, received to answered")
                .publishPercentileHistogram()
                .register(registry).record(latency);
    }
}
