package nl.borgingsbot.core.privacy;

import nl.borgingsbot.core.chat.ChatUser;

/**
 * Forgets a person (the right to be forgotten). Implemented in {@code store}, in one transaction.
 */
public interface Forgetting {

    /**
     * Deletes the person's identity and free text everywhere: their partner rows lose the chat
     * identity and name and become inactive, their reflections and toelichtingen are deleted,
     * their check-ins in open rounds are deleted whole, their manager roles, absences and
     * reminders go, and actions they owned lose their owner. Scores in closed rounds stay,
     * without a name, so the means already posted stay reproducible.
     *
     * @return how many partnerships were forgotten
     */
    int forget(ChatUser person);
}
