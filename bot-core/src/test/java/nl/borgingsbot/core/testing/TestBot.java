package nl.borgingsbot.core.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.TextRenderer;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.schedule.ScheduleRunner;
import nl.borgingsbot.core.store.Database;

/**
 * The real bot on a real SQLite file in {@code dir}, with the recording gateway as its chat
 * platform and a clock the test moves; people type through the same entry point an adapter uses.
 * {@code UADMIN} is the administrator.
 */
public final class TestBot implements AutoCloseable {

    public static final ChatChannel CHANNEL = new ChatChannel(Platform.of("slack"), "T1", "C1");
    public static final String ADMIN = "UADMIN";
    /** Renders what people see, images as {@code [image <file>]}. */
    public static final TextRenderer TEXT = new TextRenderer(image -> "[image " + image.fileName() + "]");

    private final Path file;
    private final RecordingGateway slack = new RecordingGateway(Platform.of("slack"));
    private final MutableClock clock;
    private final Random random;
    private Database database;
    private Borgingsbot bot;

    public TestBot(Path dir, Instant now) {
        this(dir, now, new Random(12));
    }

    /** @param random draws the labels of anonymous rounds */
    public TestBot(Path dir, Instant now, Random random) {
        this.file = dir.resolve("bot.db");
        this.clock = new MutableClock(now);
        this.random = random;
        slack.settleWith(() -> bot.outbox().awaitEmpty(Duration.ofSeconds(30)));
        clock.settleBeforeMoving(() -> bot.outbox().awaitEmpty(Duration.ofSeconds(30)));
        restart();
    }

    /** A new bot on the same database file, as after a restart. */
    public void restart() {
        if (bot != null) {
            bot.close();
        }
        if (database != null) {
            database.close();
        }
        database = Database.open("jdbc:sqlite:" + file, "", "");
        bot = new Borgingsbot(database.repositories(), Fixtures.catalog(), new Gateways(List.of(slack)),
                Administrators.parse("slack:" + ADMIN, Fixtures.PLATFORMS), clock,
                Borgingsbot.Settings.defaults().withRandom(random));
    }

    public static ChatUser user(String id) {
        return new ChatUser(Platform.of("slack"), "T1", id);
    }

    /** A command typed in the region channel; what its author sees (and what it sent is delivered). */
    public String command(String userId, String line) {
        return settled(render(bot.handle(new InboundEvent.Command(user(userId), Optional.of(CHANNEL), line))));
    }

    /** Text typed in the DM with the bot; what its author sees (and what it sent is delivered). */
    public String dm(String userId, String text) {
        return settled(render(bot.handle(new InboundEvent.TextReply(user(userId), Optional.empty(), text))));
    }

    /**
     * Waits until the outbox has delivered (or given up) everything: a fan-out is delivered after
     * the command or tick that made it has returned, and its outcome told after that.
     */
    private <T> T settled(T value) {
        bot.outbox().awaitEmpty(Duration.ofSeconds(30));
        return value;
    }

    public static String render(List<Message> messages) {
        return String.join("\n", messages.stream().map(TEXT::render).toList());
    }

    /** Links channel C1 as region Noord and adds these partners (organisation "Organisatie &lt;id&gt;"). */
    public void regionWithPartners(String... ids) {
        command(ADMIN, "regio koppel Noord");
        for (String id : ids) {
            command(ADMIN, "partner toevoegen @{" + id + "|" + id + "} Organisatie " + id);
        }
    }

    /** Answers a whole check-in by typing, with these seven scores, and submits. */
    public void answerAll(String userId, int... scores) {
        dm(userId, "start");
        dm(userId, "Denken " + userId);
        dm(userId, "Zien " + userId);
        dm(userId, "Vragen " + userId);
        for (int score : scores) {
            dm(userId, String.valueOf(score));
        }
        dm(userId, "versturen");
    }

    /** The scheduler on this bot's database and clock. */
    public ScheduleRunner scheduleRunner(int retentionRounds) {
        return new ScheduleRunner(database.repositories().regions(), database.repositories().rounds(),
                database.repositories().schedules(), database.repositories().checkIns(), bot.invitations(), bot.reports(), bot.outbox(),
                retentionRounds, clock);
    }

    public Borgingsbot bot() {
        return bot;
    }

    public Database database() {
        return database;
    }

    /** The fake Slack; reading what it got waits until the outbox has delivered what it had. */
    public RecordingGateway slack() {
        return slack;
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public void close() {
        bot.close();
        database.close();
    }
}
