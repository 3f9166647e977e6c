package nl.borgingsbot.core.checkin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.i18n.Notice;
import nl.borgingsbot.core.i18n.TextInput;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.Statement;

/**
 * The check-in state machine for one questionnaire: intro → the follow-up of the partner's open
 * improvement actions (if any) → the reflection prompts → the statements → the summary → done. Pure logic: it says what an input does, the
 * {@link CheckInService} stores it.
 *
 * <p>An edit (from the summary, or after submitting) jumps to one question; its answer leads back
 * to the summary (or, once submitted, to done).
 */
public final class Conversation {

    /** A score: a whole number first, then optionally the toelichting ("4 omdat …", "4: …"). */
    private static final Pattern SCORE = Pattern.compile("(\\d+)([.,]\\d+)?(.*)", Pattern.DOTALL);
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s,.:;\\-–—]+");
    private static final Pattern PROMPT_TARGET = Pattern.compile("[rR](\\d+)");
    private static final Pattern STATEMENT_TARGET = Pattern.compile("[sS]?(\\d+)");

    private final Questionnaire questionnaire;
    private final List<Action> followUps;

    /** @param followUps the partner's improvement actions to ask about before the prompts */
    public Conversation(Questionnaire questionnaire, List<Action> followUps) {
        this.questionnaire = questionnaire;
        this.followUps = List.copyOf(followUps);
    }

    /** The partner starts (button or typed word) or comes back: the step they should see. */
    public Transition start(CheckIn checkIn) {
        if (checkIn.step().kind() == Step.Kind.INTRO) {
            return Transition.move(followUps.isEmpty() ? Step.prompt(0) : Step.action(0), false);
        }
        return Transition.move(checkIn.step(), checkIn.editing());
    }

    /** How one of the partner's actions stands: typed ("bezig omdat …") or chosen with a button. */
    public Transition onActionStatus(CheckIn checkIn, ActionStatus status, Optional<String> rawNote) {
        Step step = checkIn.step();
        if (step.kind() != Step.Kind.ACTION || step.index() >= followUps.size()) {
            return Transition.refuse(checkIn, Notice.of("invalid.unknownAction"));
        }
        Optional<String> note = rawNote.map(TextInput::clean).filter(n -> !n.isEmpty());
        Optional<Notice> problem = note.flatMap(TextInput::problem);
        if (problem.isPresent()) {
            return Transition.refuse(checkIn, problem.get());
        }
        Action action = followUps.get(step.index());
        Step next = step.index() + 1 < followUps.size() ? Step.action(step.index() + 1) : Step.prompt(0);
        return Transition.save(new Transition.Answer.ActionUpdate(action.id(), status, note), next, false,
                Optional.empty());
    }

    /** Typed text at the current step. */
    public Transition onText(CheckIn checkIn, String raw) {
        String text = TextInput.clean(raw);
        Step step = checkIn.step();
        return switch (step.kind()) {
            case INTRO -> start(checkIn);
            case ACTION -> onActionText(checkIn, text);
            case PROMPT -> onReflection(checkIn, text);
            case STATEMENT -> onTypedScore(checkIn, text);
            case SUMMARY -> onSummaryText(checkIn, text);
            case DONE -> Keywords.editTarget(text)
                    .map(target -> edit(checkIn, target))
                    .orElse(Transition.refuse(checkIn, Notice.of("done.help")));
        };
    }

    /** A score chosen (button) or typed for a statement, with an optional toelichting. */
    public Transition onScore(CheckIn checkIn, String elementId, int value, Optional<String> rawNote) {
        Optional<Statement> statement = questionnaire.statement(elementId);
        if (statement.isEmpty()) {
            return Transition.refuse(checkIn, Notice.of("invalid.unknownStatement"));
        }
        if (!questionnaire.scale().contains(value)) {
            return Transition.refuse(checkIn, Notice.of("invalid.range",
                    questionnaire.scale().min(), questionnaire.scale().max()));
        }
        Optional<String> note = rawNote.map(TextInput::clean).filter(n -> !n.isEmpty());
        if (note.isPresent()) {
            Optional<Notice> problem = TextInput.problem(note.get());
            if (problem.isPresent()) {
                return Transition.refuse(checkIn, problem.get());
            }
        }
        Transition.Answer answer = new Transition.Answer.Scored(elementId, new Score(value, note));
        Step answered = Step.statement(statement.get().number() - 1);
        if (checkIn.submitted() && !answered.equals(checkIn.step())) {
            // a button on an old message after Versturen: changes nothing, says how to change it
            return Transition.refuse(checkIn, Notice.of("answer.afterSubmit", statement.get().number()));
        }
        if (!answered.equals(checkIn.step())) {
            // a button on an earlier message: store it as a change, stay where the partner is
            return Transition.save(answer, checkIn.step(), checkIn.editing(),
                    Optional.of(Notice.of("answer.changed", statement.get().number())));
        }
        return Transition.save(answer, after(checkIn, answer), false, confirmationIfEdited(checkIn));
    }

    /** The partner asks to submit (button or typed). Only from the summary. */
    public Transition submit(CheckIn checkIn) {
        if (checkIn.submitted()) {
            return Transition.refuse(checkIn, Notice.of("done.help"));
        }
        if (checkIn.step().kind() != Step.Kind.SUMMARY) {
            return Transition.refuse(checkIn, Notice.of("submit.notYet"));
        }
        return new Transition(Step.DONE, false, Optional.empty(), true, Optional.empty());
    }

    /**
     * The partner wants to change an answer: "r1".."r3" for a reflection, "1".."7" (or "s1") for
     * a statement. An empty or unknown target explains the choices.
     */
    public Transition edit(CheckIn checkIn, String target) {
        if (checkIn.step().kind() == Step.Kind.INTRO) {
            return start(checkIn);
        }
        Optional<Step> step = editStep(target.strip());
        if (step.isEmpty()) {
            return Transition.refuse(checkIn, Notice.of("edit.which",
                    questionnaire.prompts().size(), questionnaire.statements().size()));
        }
        return Transition.move(step.get(), true);
    }

    private Optional<Step> editStep(String target) {
        Matcher prompt = PROMPT_TARGET.matcher(target);
        if (prompt.matches()) {
            int index = Integer.parseInt(prompt.group(1)) - 1;
            return index >= 0 && index < questionnaire.prompts().size() ? Optional.of(Step.prompt(index)) : Optional.empty();
        }
        Matcher statement = STATEMENT_TARGET.matcher(target);
        if (statement.matches() && statement.group(1).length() <= 3) {
            int index = Integer.parseInt(statement.group(1)) - 1;
            return index >= 0 && index < questionnaire.statements().size() ? Optional.of(Step.statement(index)) : Optional.empty();
        }
        return Optional.empty();
    }

    private Transition onActionText(CheckIn checkIn, String text) {
        String[] words = text.split("\\s+", 2);
        Optional<ActionStatus> status = ActionStatus.parse(words[0].replaceAll("[,.:;!]+$", ""));
        if (status.isEmpty() || status.get() == ActionStatus.OPEN) {
            return Transition.refuse(checkIn, Notice.of("checkin.action.invalid"));
        }
        return onActionStatus(checkIn, status.get(), words.length > 1 ? Optional.of(words[1]) : Optional.empty());
    }

    private Transition onReflection(CheckIn checkIn, String text) {
        Optional<Notice> problem = TextInput.problem(text);
        if (problem.isPresent()) {
            return Transition.refuse(checkIn, problem.get());
        }
        String promptId = questionnaire.prompts().get(checkIn.step().index()).id();
        Transition.Answer answer = new Transition.Answer.Reflection(promptId, text);
        return Transition.save(answer, after(checkIn, answer), false, confirmationIfEdited(checkIn));
    }

    private Transition onTypedScore(CheckIn checkIn, String text) {
        if (text.isEmpty()) {
            return Transition.refuse(checkIn, Notice.of("invalid.empty"));
        }
        Matcher matcher = SCORE.matcher(text);
        int min = questionnaire.scale().min();
        int max = questionnaire.scale().max();
        if (!matcher.matches()) {
            return Transition.refuse(checkIn, Notice.of("invalid.notANumber", min, max));
        }
        if (matcher.group(2) != null) {
            return Transition.refuse(checkIn, Notice.of("invalid.notWhole", min, max));
        }
        String digits = matcher.group(1);
        int value = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        String note = SEPARATOR.matcher(matcher.group(3)).replaceFirst("");
        Statement statement = questionnaire.statements().get(checkIn.step().index());
        return onScore(checkIn, statement.element().id(), value, Optional.of(note));
    }

    private Transition onSummaryText(CheckIn checkIn, String text) {
        if (Keywords.isSubmit(text)) {
            return submit(checkIn);
        }
        return Keywords.editTarget(text)
                .map(target -> edit(checkIn, target))
                .orElse(Transition.refuse(checkIn, Notice.of("summary.help")));
    }

    /**
     * The step after answering the current one: the next question; after an edit, the first
     * question still open, else the summary (or done, once submitted).
     */
    private Step after(CheckIn checkIn, Transition.Answer answer) {
        if (checkIn.editing()) {
            return checkIn.submitted() ? Step.DONE : firstUnanswered(checkIn, answer).orElse(Step.SUMMARY);
        }
        Step step = checkIn.step();
        if (step.kind() == Step.Kind.PROMPT) {
            return step.index() + 1 < questionnaire.prompts().size() ? Step.prompt(step.index() + 1) : Step.statement(0);
        }
        return step.index() + 1 < questionnaire.statements().size() ? Step.statement(step.index() + 1) : Step.SUMMARY;
    }

    private Optional<Step> firstUnanswered(CheckIn checkIn, Transition.Answer answer) {
        Answers answers = checkIn.answers();
        for (int i = 0; i < questionnaire.prompts().size(); i++) {
            String id = questionnaire.prompts().get(i).id();
            boolean now = answer instanceof Transition.Answer.Reflection r && r.promptId().equals(id);
            if (!now && !answers.reflections().containsKey(id)) {
                return Optional.of(Step.prompt(i));
            }
        }
        for (int i = 0; i < questionnaire.statements().size(); i++) {
            String id = questionnaire.statements().get(i).element().id();
            boolean now = answer instanceof Transition.Answer.Scored s && s.elementId().equals(id);
            if (!now && !answers.scores().containsKey(id)) {
                return Optional.of(Step.statement(i));
            }
        }
        return Optional.empty();
    }

    private static Optional<Notice> confirmationIfEdited(CheckIn checkIn) {
        return checkIn.editing() && checkIn.submitted() ? Optional.of(Notice.of("answer.updated")) : Optional.empty();
    }
}
