package nl.borgingsbot.core.actions;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Questionnaire;

/**
 * How an action is shown: a line the bot writes (number, element, status, owner, due date) and
 * the action's own words as text a person typed (so an adapter escapes them).
 */
public final class ActionMessages {

    private final Texts texts;
    private final Questionnaire questionnaire;

    public ActionMessages(Texts texts, Questionnaire questionnaire) {
        this.texts = texts;
        this.questionnaire = questionnaire;
    }

    /** Adds one action to a message. */
    public void add(Message.Builder message, Action action) {
        StringBuilder line = new StringBuilder(texts.get("action.line", action.number(), elementLabel(action.elementId()),
                texts.get(action.status().textKey())));
        action.owner().ifPresent(owner -> line.append(texts.get("action.line.owner", "@" + owner.userId())));
        action.due().ifPresent(due -> line.append(texts.get("action.line.due",
                DateTimeFormatter.ofPattern("d MMMM yyyy", texts.locale()).format(due))));
        message.paragraph(line.toString());
        message.add(new Part.UserText(Optional.empty(), action.text()));
        action.note().ifPresent(note -> {
            message.paragraph(texts.get("action.note"));
            message.add(new Part.UserText(Optional.empty(), note));
        });
    }

    /** The list of a region's actions, open ones first. */
    public Message list(String regionName, List<Action> actions) {
        Message.Builder message = Message.builder().heading(texts.get("action.list", regionName));
        if (actions.isEmpty()) {
            return message.paragraph(texts.get("action.none")).build();
        }
        actions.stream().filter(a -> a.status().isOpen()).forEach(a -> add(message, a));
        actions.stream().filter(a -> !a.status().isOpen()).forEach(a -> add(message, a));
        return message.build();
    }

    /** The element's short label, or its id when the questionnaire no longer has it. */
    public String elementLabel(String elementId) {
        return questionnaire.statement(elementId).map(s -> s.element().label().in(texts.locale())).orElse(elementId);
    }
}
