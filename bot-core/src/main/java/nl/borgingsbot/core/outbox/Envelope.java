package nl.borgingsbot.core.outbox;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;

/** One message the bot must deliver: why ({@code kind}, {@code about}), to whom and what. */
public record Envelope(Kind kind, About about, Target to, Message message) {

    /** Why a message is sent. */
    public enum Kind {
        INVITATION, REMINDER, REPORT, THREAD_REPLY, TREND, PERSONAL_RESULT, NOTICE, DM;

        /** Whether the programme managers hear of it when it cannot be delivered (a partner not reached). */
        boolean reportedToManagers() {
            return this == INVITATION || this == REMINDER;
        }
    }

    /** The region, round and partner a message is about; 0 for none (ids start at 1). */
    public record About(long regionId, long roundId, long partnerId) {
        public static final About NOTHING = new About(0, 0, 0);
    }

    /** To whom. */
    public sealed interface Target {
    }

    /** A direct message to a person. */
    public record ToUser(ChatUser user) implements Target {
    }

    /** A post in a channel. */
    public record ToChannel(ChatChannel channel) implements Target {
    }

    /**
     * A reply in the thread of the envelope at {@code index} of the same {@link Outbox#enqueue}
     * (a channel post, or an earlier reply in its thread): delivered only after that one was.
     */
    public record InThreadOf(int index) implements Target {
    }

    public static Envelope toUser(Kind kind, About about, ChatUser user, Message message) {
        return new Envelope(kind, about, new ToUser(user), message);
    }
}
