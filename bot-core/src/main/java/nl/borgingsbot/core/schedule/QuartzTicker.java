package nl.borgingsbot.core.schedule;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ScheduleRunner} with Quartz: once at start (to catch up on what was missed
 * while the bot was down) and then every {@code intervalSeconds}. The schedules themselves live
 * in our own tables — Quartz's JDBC job store does not work on SQLite — so Quartz keeps only
 * this one job in memory, and exactly-once comes from the database, not from Quartz.
 */
public final class QuartzTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzTicker.class);
    private static final String RUNNER = "runner";
    /** Quartz keeps its schedulers by name per JVM: each ticker needs its own (two bots in one JVM, tests). */
    private static final AtomicInteger TICKERS = new AtomicInteger();

    private final Scheduler scheduler;

    private QuartzTicker(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts ticking now and every {@code intervalSeconds}. */
    public static QuartzTicker start(ScheduleRunner runner, int intervalSeconds) {
        try {
            Properties properties = new Properties();
            properties.setProperty("org.quartz.scheduler.instanceName", "borgingsbot-" + TICKERS.incrementAndGet());
            properties.setProperty("org.quartz.threadPool.threadCount", "1");
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            JobDataMap data = new JobDataMap();
            data.put(RUNNER, runner);
            JobDetail job = JobBuilder.newJob(TickJob.class).withIdentity("tick").usingJobData(data).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("every-interval").startNow()
                    .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(intervalSeconds)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, trigger);
            scheduler.start();
            return new QuartzTicker(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the round scheduler: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("the round scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    /** The Quartz job: one tick; a failure is logged and the next tick tries again. */
    @DisallowConcurrentExecution
    public static final class TickJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            ScheduleRunner runner = (ScheduleRunner) context.getMergedJobDataMap().get(RUNNER);
            try {
                runner.tick();
            } catch (RuntimeException e) {
                LOG.error("schedule tick failed; trying again at the next tick", e);
            }
        }
    }
}
