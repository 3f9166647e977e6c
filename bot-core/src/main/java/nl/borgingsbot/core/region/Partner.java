package nl.borgingsbot.core.region;

import nl.borgingsbot.core.chat.ChatUser;

/** A steering-group member answering for an organisation in one region. */
public record Partner(long id, long regionId, ChatUser user, String name, String organisation) {
}
