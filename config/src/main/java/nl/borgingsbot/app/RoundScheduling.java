package nl.borgingsbot.app;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.schedule.QuartzTicker;
import nl.borgingsbot.core.schedule.ScheduleRunner;

/**
 * Starts the round scheduler (Quartz, ticking every {@code borging.schedule.tick-seconds}) when a
 * chat platform is connected; the demo has none and needs none (so it does not even create the
 * runner, nor the bot's database behind it).
 */
@Component
class RoundScheduling implements SmartLifecycle {

    private final ObjectProvider<ScheduleRunner> runner;
    private final Gateways gateways;
    private final BorgingProperties properties;
    private QuartzTicker ticker;

    RoundScheduling(ObjectProvider<ScheduleRunner> runner, Gateways gateways, BorgingProperties properties) {
        this.runner = runner;
        this.gateways = gateways;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!gateways.isEmpty() && ticker == null) {
            ticker = QuartzTicker.start(runner.getObject(), properties.schedule().tickSeconds());
        }
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /** Stops after the events are in (see {@link GracefulShutdown}), before the database closes. */
    @Override
    public int getPhase() {
        return GracefulShutdown.SCHEDULER;
    }
}
