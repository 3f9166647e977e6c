package nl.borgingsbot.core.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import nl.borgingsbot.core.chat.ChatUser;

/**
 * An improvement action of a region: {@code number} is what people type ("actie 3 klaar"),
 * {@code elementId} the element it should lift.
 */
public record Action(long id, long regionId, int number, String elementId, String text, Optional<ChatUser> owner,
                     Optional<LocalDate> due, ActionStatus status, Optional<String> note, Instant createdAt,
                     Instant updatedAt) {
}
