package nl.borgingsbot.core.checkin;

import java.util.Optional;

import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.i18n.Notice;

/**
 * What one input does to a check-in: the step it moves to, the answer to store (if any),
 * whether it submits, and a notice for the partner (an error, or a confirmation).
 */
public record Transition(Step next, boolean editing, Optional<Answer> answer, boolean submit,
                         Optional<Notice> notice) {

    /** An answer to store. */
    public sealed interface Answer {
        record Reflection(String promptId, String text) implements Answer {
        }

        record Scored(String elementId, Score score) implements Answer {
        }

        /** How an improvement action of the partner's stands now. */
        record ActionUpdate(long actionId, ActionStatus status, Optional<String> note) implements Answer {
        }
    }

    /** Stay on the same question and explain why. */
    static Transition refuse(CheckIn checkIn, Notice notice) {
        return new Transition(checkIn.step(), checkIn.editing(), Optional.empty(), false, Optional.of(notice));
    }

    static Transition move(Step next, boolean editing) {
        return new Transition(next, editing, Optional.empty(), false, Optional.empty());
    }

    static Transition save(Answer answer, Step next, boolean editing, Optional<Notice> notice) {
        return new Transition(next, editing, Optional.of(answer), false, notice);
    }

    boolean changesAnything(CheckIn checkIn) {
        return answer.isPresent() || submit || !next.equals(checkIn.step()) || editing != checkIn.editing();
    }
}
