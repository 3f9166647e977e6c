package nl.borgingsbot.core.command;

import java.util.Optional;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;

/**
 * Who gave a command, where, and the region it is about (the channel's, or in a DM the one region
 * the person belongs to). For a {@link Role#PARTNER} or {@link Role#MANAGER} command the region
 * is known; {@code texts} speak the region's language, Dutch without one.
 */
public record Request(ChatUser from, Optional<ChatChannel> channel, Optional<Region> linkedRegion, Texts texts) {

    /** The region of a region command (the router has checked that there is one). */
    public Region region() {
        return linkedRegion.orElseThrow();
    }

    /** A person the command names, on the platform and workspace of its author. */
    public ChatUser user(UserReference reference) {
        return new ChatUser(from.platform(), from.workspace(), reference.userId());
    }
}
