package nl.borgingsbot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

/**
 * Everything said on the playground, in memory: the region channel with its threads and each
 * person's direct messages, the images and files they carry (served by token), and who listens
 * for changes (the page, over server-sent events). The core's state (regions, rounds, answers)
 * lives in the playground's SQLite file; this transcript is only what the page shows.
 */
public final class Transcript {

    /** The conversation of the region channel; a person's DM is {@code dm:<userId>}. */
    public static final String CHANNEL = "channel";
    /** The author of what the bot says. */
    public static final String BOT = "bot";

    /**
     * One message on the page.
     *
     * @param thread    the id of the channel post it replies to; empty outside a thread
     * @param author    {@link #BOT} or the user id of the person who typed it
     * @param visibleTo the one person who sees it (a command's answer), empty for everyone
     * @param typed     what a person typed; empty for the bot's messages
     * @param answered  the question answered: its buttons are gone, the choice is shown instead
     */
    public record Entry(long id, String conversation, String thread, String author, String visibleTo,
                        Message message, String typed, Optional<String> answered, List<String> media) {

        Entry answer(String key, String label) {
            return new Entry(id, conversation, thread, author, visibleTo, message, typed,
                    Optional.of(label.isEmpty() ? buttonLabel(key) : label), media);
        }

        /** The label of the button with this action id ("Versturen"); empty when there is none. */
        String buttonLabel(String actionId) {
            return message.parts().stream().filter(Part.Actions.class::isInstance).map(Part.Actions.class::cast)
                    .flatMap(a -> a.buttons().stream()).filter(b -> b.actionId().equals(actionId))
                    .map(Part.Choice::label).findFirst().orElse("");
        }

        /** The questions and buttons in this message, by question key or action id. */
        boolean asks(String key) {
            return message.parts().stream().anyMatch(p -> p instanceof Part.ChoiceQuestion q && q.questionKey().equals(key)
                    || p instanceof Part.TextQuestion t && t.questionKey().equals(key)
                    || p instanceof Part.Actions a && a.buttons().stream().anyMatch(b -> b.actionId().equals(key)));
        }
    }

    /** Bytes served by token: an image or a file of a message. */
    public record Media(byte[] content, String mediaType, String fileName) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    public static String dm(String userId) {
        return "dm:" + userId;
    }

    /** Adds a message of the bot. */
    public Entry bot(String conversation, String thread, String visibleTo, Message message) {
        return add(conversation, thread, BOT, visibleTo, message, "");
    }

    /** Adds what a person typed. */
    public Entry typed(String conversation, String userId, String text) {
        return add(conversation, "", userId, "", new Message(List.of()), text);
    }

    private Entry add(String conversation, String thread, String author, String visibleTo, Message message, String typed) {
        List<String> tokens = message.parts().stream().map(part -> part instanceof Part.Image image
                ? keep(new Media(image.png(), "image/png", image.fileName()))
                : part instanceof Part.File file ? keep(new Media(file.content(), file.mediaType(), file.fileName())) : "")
                .toList();
        Entry entry;
        synchronized (this) {
            entry = new Entry(nextId++, conversation, thread, author, visibleTo, message, typed, Optional.empty(), tokens);
            entries.add(entry);
        }
        listeners.forEach(l -> l.accept(entry));
        return entry;
    }

    /**
     * Shows a question as answered: the clicked message, or else the last unanswered message in
     * the conversation that asks {@code key}. Empty when there is none.
     */
    public Optional<Entry> answer(String conversation, Optional<Long> clicked, String key, String label) {
        Entry updated = null;
        synchronized (this) {
            for (int i = entries.size() - 1; i >= 0 && updated == null; i--) {
                Entry e = entries.get(i);
                boolean match = clicked.map(id -> id == e.id()).orElse(e.conversation().equals(conversation)
                        && e.answered().isEmpty() && e.asks(key));
                if (match) {
                    updated = e.answer(key, label);
                    entries.set(i, updated);
                }
            }
        }
        if (updated != null) {
            Entry u = updated;
            listeners.forEach(l -> l.accept(u));
        }
        return Optional.ofNullable(updated);
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    public synchronized Optional<Entry> byId(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    /** The last message the bot sent into a conversation. */
    public synchronized Optional<Entry> lastOfBot(String conversation) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.conversation().equals(conversation) && e.author().equals(BOT)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Keeps an image or file for the page; the token to fetch it by. */
    public String keep(Media content) {
        String token = java.util.UUID.randomUUID().toString();
        media.put(token, content);
        return token;
    }

    public Optional<Media> media(String token) {
        return Optional.ofNullable(media.get(token));
    }

    /** Forgets everything said (Opnieuw beginnen). */
    public void clear() {
        synchronized (this) {
            entries.clear();
            media.clear();
        }
        resetListeners.forEach(Runnable::run);
    }

    public void onEntry(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public void onClear(Runnable listener) {
        resetListeners.add(listener);
    }
}
