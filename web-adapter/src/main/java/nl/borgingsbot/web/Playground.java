package nl.borgingsbot.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.store.Database;

/**
 * The playground's world: its own SQLite file with the scene's region (created on first start,
 * kept across restarts), the bot on it, and what the visitor does as each person turned into the
 * core's {@link InboundEvent}s through {@link Borgingsbot#accept} — the entry point every platform
 * uses. "Opnieuw beginnen" starts again from an empty file.
 */
public final class Playground implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Playground.class);

    private final Path dbFile;
    private final Scene scene;
    private final QuestionnaireCatalog catalog;
    private final Clock clock;
    private final Transcript transcript = new Transcript();
    private final WebGateway gateway = new WebGateway(transcript);
    /** The partners the visitor played: "laat de andere partners antwoorden" leaves them alone. */
    private final Set<String> played = ConcurrentHashMap.newKeySet();
    /** Plays the other partners' scripts, one line after the other, off the request threads. */
    private final ExecutorService others = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "playground-others");
        thread.setDaemon(true);
        return thread;
    });
    private Database database;
    private Borgingsbot bot;

    public Playground(Path dbFile, Scene scene, QuestionnaireCatalog catalog, Clock clock) {
        this.dbFile = dbFile;
        this.scene = scene;
        this.catalog = catalog;
        this.clock = clock;
        open();
    }

    public Scene scene() {
        return scene;
    }

    public Transcript transcript() {
        return transcript;
    }

    public ChatChannel channel() {
        return new ChatChannel(WebGateway.PLATFORM, scene.workspace(), scene.channelId());
    }

    public ChatUser user(String userId) {
        return new ChatUser(WebGateway.PLATFORM, scene.workspace(), userId);
    }

    /** Everyone on the scene: the manager first. */
    public List<Scene.Person> people() {
        return Stream.concat(Stream.of(scene.manager()), scene.partners().stream()).toList();
    }

    /** The region's language (the page's own labels follow it). */
    public synchronized Locale language() {
        return database.repositories().regions().byChannel(channel()).map(Region::language).orElse(Region.DUTCH);
    }

    /** The visitor typed {@code text} as {@code userId}: in the channel a command, in their DM an answer or command. */
    public void say(String userId, boolean inChannel, String text) {
        String conversation = inChannel ? Transcript.CHANNEL : Transcript.dm(userId);
        notePlayed(userId, inChannel);
        transcript.typed(conversation, userId, text);
        InboundEvent event = inChannel ? new InboundEvent.Command(user(userId), Optional.of(channel()), text)
                : new InboundEvent.TextReply(user(userId), Optional.empty(), text);
        bot().accept(event, deliver(userId, conversation, Optional.empty()));
    }

    /** The visitor pressed a button of message {@code entryId} as {@code userId}. */
    public void click(String userId, long entryId, String actionId, String value) {
        Transcript.Entry entry = transcript.byId(entryId).filter(e -> e.conversation().equals(Transcript.dm(userId))
                || e.conversation().equals(Transcript.CHANNEL)).orElseThrow(() -> new IllegalArgumentException("no message " + entryId));
        boolean inChannel = entry.conversation().equals(Transcript.CHANNEL);
        notePlayed(userId, inChannel);
        InboundEvent event = new InboundEvent.ChoiceMade(user(userId), inChannel ? Optional.of(channel()) : Optional.empty(),
                actionId, value, Optional.empty());
        bot().accept(event, deliver(userId, entry.conversation(), Optional.of(entryId)));
    }

    /** Lets every partner the visitor did not play answer from their script, in the background. */
    public void othersAnswer() {
        for (Scene.Person partner : scene.partners()) {
            if (played.add(partner.userId())) {
                others.execute(() -> {
                    try {
                        play(partner);
                    } catch (RuntimeException e) { // "Opnieuw beginnen" in the middle of it
                        LOG.debug("stopped playing {}: {}", partner.userId(), e.toString());
                    }
                });
            }
        }
    }

    /** Starts again: an empty database with the scene's region, nothing said. */
    public synchronized void reset() {
        closeBot();
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(dbFile + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        played.clear();
        transcript.clear();
        open();
    }

    @Override
    public synchronized void close() {
        others.shutdownNow();
        closeBot();
    }

    private synchronized Borgingsbot bot() {
        return bot;
    }

    private void notePlayed(String userId, boolean inChannel) {
        if (!inChannel) {
            played.add(userId);
        }
    }

    /** What the author sees: the question they answered shown answered (only once stored), then the replies. */
    private Consumer<Handled> deliver(String userId, String conversation, Optional<Long> clicked) {
        String visibleTo = conversation.equals(Transcript.CHANNEL) ? userId : "";
        return handled -> {
            handled.chosen().ifPresent(c -> transcript.answer(conversation, clicked, c.questionKey(), c.label()));
            handled.replies().forEach(reply -> transcript.bot(conversation, "", visibleTo, reply));
        };
    }

    /** One partner's script: a typed line, or "[label]" pressing that button in the bot's last message. */
    private void play(Scene.Person partner) {
        String conversation = Transcript.dm(partner.userId());
        for (String line : partner.script()) {
            Optional<Transcript.Entry> last = transcript.lastOfBot(conversation);
            Optional<Part.Choice> button = line.startsWith("[") && line.endsWith("]")
                    ? last.flatMap(e -> choice(e, line.substring(1, line.length() - 1))) : Optional.empty();
            Borgingsbot current = bot();
            if (button.isPresent()) {
                current.accept(new InboundEvent.ChoiceMade(user(partner.userId()), Optional.empty(), button.get().actionId(),
                        button.get().value(), Optional.empty()), deliver(partner.userId(), conversation, last.map(Transcript.Entry::id))).join();
            } else {
                transcript.typed(conversation, partner.userId(), line);
                current.accept(new InboundEvent.TextReply(user(partner.userId()), Optional.empty(), line),
                        deliver(partner.userId(), conversation, Optional.empty())).join();
            }
        }
    }

    private static Optional<Part.Choice> choice(Transcript.Entry entry, String label) {
        return entry.message().parts().stream()
                .flatMap(p -> p instanceof Part.ChoiceQuestion q ? q.choices().stream()
                        : p instanceof Part.Actions a ? a.buttons().stream() : Stream.empty())
                .filter(c -> c.label().startsWith(label)).findFirst();
    }

    private void open() {
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = Database.open("jdbc:sqlite:" + dbFile, "", "");
        bot = new Borgingsbot(database.repositories(), catalog, new Gateways(List.of(gateway)), Administrators.none(), clock);
        if (!seed(database.repositories())) {
            // after a restart: each person's DM starts with their home page (an open check-in to continue)
            people().forEach(person -> transcript.bot(Transcript.dm(person.userId()), "", "", bot.home(user(person.userId()))));
        }
    }

    /** Creates the scene's region with its manager and partners; false when it was there already. */
    private boolean seed(Repositories repositories) {
        if (repositories.regions().byChannel(channel()).isPresent()) {
            return false;
        }
        Region region = repositories.regions().create(NewRegion.withDefaults(scene.region(), channel()));
        repositories.regions().addManager(region.id(), user(scene.manager().userId()));
        for (Scene.Person partner : scene.partners()) {
            repositories.regions().addPartner(region.id(), user(partner.userId()), partner.name(), partner.organisation());
        }
        LOG.info("Playground: region {} with {} partners in {}", scene.region(), scene.partners().size(), dbFile);
        return true;
    }

    private void closeBot() {
        if (bot != null) {
            bot.close();
            database.close();
        }
    }
}
