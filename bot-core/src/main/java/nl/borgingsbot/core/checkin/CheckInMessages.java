package nl.borgingsbot.core.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionMessages;
import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Notice;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Prompt;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/**
 * The messages of a check-in conversation, in the region's language: the intro, each question,
 * the summary and the thank-you.
 */
public final class CheckInMessages {

    public static final String START = "checkin.start";
    public static final String RESUME = "checkin.resume";
    public static final String SCORE = "checkin.score";
    public static final String SUBMIT = "checkin.submit";
    public static final String EDIT = "checkin.edit";
    public static final String ACTION = "checkin.action";

    private final Region region;
    private final Round round;
    private final Questionnaire questionnaire;
    private final List<Action> followUps;
    private final Texts texts;

    public CheckInMessages(Region region, Round round, Questionnaire questionnaire, List<Action> followUps) {
        this.region = region;
        this.round = round;
        this.questionnaire = questionnaire;
        this.followUps = List.copyOf(followUps);
        this.texts = Texts.of(region.language());
    }

    /** The first DM of a round: what it is, how long it takes, the deadline, a Start button. */
    public Message intro(CheckIn checkIn) {
        return Message.builder()
                .heading(texts.get("checkin.intro.title", region.name(), round.number()))
                .paragraph(texts.get("checkin.intro.body", questionnaire.prompts().size(),
                        questionnaire.statements().size(), deadline()))
                .paragraph(round.anonymous() ? texts.get("checkin.intro.anonymous", Round.ANONYMOUS_MINIMUM)
                        : texts.get("checkin.intro.named"))
                .add(new Part.Actions(List.of(button(START, checkIn, "checkin.button.start"))))
                .build();
    }

    /** A reminder with a button to continue where the partner was. */
    public Message reminder(CheckIn checkIn) {
        String where = checkIn.step().kind() == Step.Kind.INTRO
                ? texts.get("reminder.notStarted")
                : texts.get("reminder.inProgress", answeredCount(checkIn.answers()), totalQuestions());
        return Message.builder()
                .heading(texts.get("reminder.title", region.name(), round.number()))
                .paragraph(texts.get("reminder.body", deadline(), where))
                .add(new Part.Actions(List.of(button(RESUME, checkIn, "checkin.button.resume"))))
                .build();
    }

    /** What the partner sees for the step the check-in is at, after an optional notice. */
    public Message current(CheckIn checkIn, Optional<Notice> notice) {
        Message.Builder message = Message.builder();
        notice.ifPresent(n -> message.paragraph(texts.get(n.key(), n.args().toArray())));
        Step step = checkIn.step();
        switch (step.kind()) {
            case INTRO -> intro(checkIn).parts().forEach(message::add);
            case ACTION -> followUp(message, checkIn, step.index());
            case PROMPT -> prompt(message, step.index());
            case STATEMENT -> statement(message, checkIn, step.index());
            case SUMMARY -> summary(message, checkIn, true);
            case DONE -> message.paragraph(texts.get("checkin.done", deadline()));
        }
        return message.build();
    }

    /** The list of answers to change, as buttons (after "Wijzig"). */
    public Message editChoices(CheckIn checkIn) {
        List<Part.Choice> buttons = new ArrayList<>();
        for (int i = 1; i <= questionnaire.prompts().size(); i++) {
            buttons.add(new Part.Choice(EDIT, checkIn.id() + ":r" + i, texts.get("checkin.edit.reflection", i)));
        }
        for (Statement statement : questionnaire.statements()) {
            buttons.add(new Part.Choice(EDIT, checkIn.id() + ":" + statement.number(),
                    statement.number() + " · " + statement.element().label().in(region.language())));
        }
        return Message.builder()
                .paragraph(texts.get("edit.which", questionnaire.prompts().size(), questionnaire.statements().size()))
                .add(new Part.Actions(buttons))
                .build();
    }

    /** "Before we start: how is your action going?" with done / in progress / stopped buttons. */
    private void followUp(Message.Builder message, CheckIn checkIn, int index) {
        if (index >= followUps.size()) {
            message.paragraph(texts.get("invalid.unknownAction"));
            return;
        }
        Action action = followUps.get(index);
        message.paragraph(texts.get("checkin.action.intro", index + 1, followUps.size()));
        new ActionMessages(texts, questionnaire).add(message, action);
        List<Part.Choice> buttons = new ArrayList<>();
        for (ActionStatus status : List.of(ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.STOPPED)) {
            buttons.add(new Part.Choice(ACTION, checkIn.id() + ":" + action.number() + ":" + status.name(),
                    texts.get(status.textKey())));
        }
        message.add(new Part.Actions(buttons));
        message.paragraph(texts.get("checkin.action.hint"));
    }

    private void prompt(Message.Builder message, int index) {
        Prompt prompt = questionnaire.prompts().get(index);
        message.paragraph(texts.get("checkin.prompt.progress", index + 1, questionnaire.prompts().size()));
        message.add(new Part.TextQuestion("prompt:" + prompt.id(), prompt.text().in(region.language())));
        message.paragraph(texts.get("checkin.prompt.hint"));
    }

    private void statement(Message.Builder message, CheckIn checkIn, int index) {
        Statement statement = questionnaire.statements().get(index);
        if (index == 0) {
            message.paragraph(questionnaire.question().in(region.language()));
        }
        message.paragraph(texts.get("checkin.statement.progress", statement.number(),
                questionnaire.statements().size(), statement.element().label().in(region.language())));
        List<Part.Choice> choices = new ArrayList<>();
        for (int value = questionnaire.scale().min(); value <= questionnaire.scale().max(); value++) {
            choices.add(new Part.Choice(SCORE, checkIn.id() + ":" + statement.element().id() + ":" + value,
                    scaleLabel(value)));
        }
        message.add(new Part.ChoiceQuestion(questionKey(statement.element().id()),
                statement.text().in(region.language()), choices));
        message.paragraph(texts.get("checkin.statement.hint"));
    }

    private void summary(Message.Builder message, CheckIn checkIn, boolean withButtons) {
        message.heading(texts.get("checkin.summary.title"));
        List<Prompt> prompts = questionnaire.prompts();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt prompt = prompts.get(i);
            message.paragraph("R" + (i + 1) + " · " + prompt.text().in(region.language()));
            String answer = checkIn.answers().reflections().get(prompt.id());
            message.add(answer == null ? new Part.Paragraph(texts.get("checkin.summary.missing"))
                    : new Part.UserText(Optional.empty(), answer));
        }
        for (Statement statement : questionnaire.statements()) {
            Score score = checkIn.answers().scores().get(statement.element().id());
            String label = statement.number() + " · " + statement.element().label().in(region.language());
            message.paragraph(score == null ? label + ": " + texts.get("checkin.summary.missing")
                    : label + ": " + scaleLabel(score.value()));
            if (score != null) {
                score.note().ifPresent(note -> message.add(new Part.UserText(Optional.empty(), note)));
            }
        }
        if (withButtons) {
            message.paragraph(texts.get("checkin.summary.hint"));
            message.add(new Part.Actions(List.of(
                    button(SUBMIT, checkIn, "checkin.button.submit"),
                    button(EDIT, checkIn, "checkin.button.edit"))));
        }
    }

    /** The {@link Part.ChoiceQuestion#questionKey()} of the statement of this element. */
    public static String questionKey(String elementId) {
        return "statement:" + elementId;
    }

    /** What the button of this status says ("Klaar", "Bezig"). */
    public String label(ActionStatus status) {
        return texts.get(status.textKey());
    }

    /** "4 · helemaal wel"-style label, or just the number where the scale has no words for it. */
    public String scaleLabel(int value) {
        String label = questionnaire.scale().label(value, region.language());
        return label.equals(String.valueOf(value)) ? label : value + " · " + label;
    }

    private Part.Choice button(String actionId, CheckIn checkIn, String labelKey) {
        return new Part.Choice(actionId, String.valueOf(checkIn.id()), texts.get(labelKey));
    }

    private String deadline() {
        return texts.dateTime(round.deadline(), region.timeZone());
    }

    private int totalQuestions() {
        return questionnaire.prompts().size() + questionnaire.statements().size();
    }

    private static int answeredCount(Answers answers) {
        return answers.reflections().size() + answers.scores().size();
    }
}
