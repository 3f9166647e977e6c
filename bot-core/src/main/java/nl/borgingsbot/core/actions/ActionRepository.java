package nl.borgingsbot.core.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.chat.ChatUser;

/** Improvement actions. Implemented in {@code store}. */
public interface ActionRepository {

    /** Records a new OPEN action with the region's next number. */
    Action create(long regionId, String elementId, String text, Optional<ChatUser> owner, Optional<LocalDate> due,
                  Instant at);

    Optional<Action> byNumber(long regionId, int number);

    /** The region's actions, by number. */
    List<Action> ofRegion(long regionId);

    /** Sets the status and the line on how it went. */
    void update(long actionId, ActionStatus status, Optional<String> note, Instant at);
}
