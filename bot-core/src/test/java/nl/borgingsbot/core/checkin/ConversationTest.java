package nl.borgingsbot.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.i18n.Notice;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.testing.Fixtures;

class ConversationTest {

    private static final Questionnaire STO = Fixtures.stoBorging();
    private final Conversation conversation = new Conversation(STO, List.of());

    private static CheckIn at(Step step) {
        return new CheckIn(1, 1, 1, step, false, Optional.empty(), Answers.NONE);
    }

    /** All three reflections and the first {@code scored} statements answered. */
    private static Answers answered(int scored) {
        Map<String, String> reflections = new HashMap<>();
        STO.prompts().forEach(p -> reflections.put(p.id(), "tekst " + p.id()));
        Map<String, Score> scores = new HashMap<>();
        for (int i = 0; i < scored; i++) {
            scores.put(STO.statements().get(i).element().id(), new Score(3, Optional.empty()));
        }
        return new Answers(reflections, scores);
    }

    private static CheckIn complete(Step step, boolean editing, boolean submitted) {
        return new CheckIn(1, 1, 1, step, editing, submitted ? Optional.of(Instant.EPOCH) : Optional.empty(),
                answered(STO.statements().size()));
    }

    static Stream<Arguments> forwardTransitions() {
        return Stream.of(
                Arguments.of(Step.INTRO, "hallo", Step.prompt(0)),
                Arguments.of(Step.prompt(0), "Bij ons gaat het om de lange termijn", Step.prompt(1)),
                Arguments.of(Step.prompt(1), "overleg", Step.prompt(2)),
                Arguments.of(Step.prompt(2), "wie betaalt na 2027?", Step.statement(0)),
                Arguments.of(Step.statement(0), "4", Step.statement(1)),
                Arguments.of(Step.statement(3), "1 omdat het nog niet lukt", Step.statement(4)),
                Arguments.of(Step.statement(6), "5", Step.SUMMARY));
    }

    @ParameterizedTest(name = "{0} + ''{1}'' -> {2}")
    @MethodSource("forwardTransitions")
    void everyAnswerMovesToTheNextQuestion(Step from, String text, Step expected) {
        Transition transition = conversation.onText(at(from), text);

        assertThat(transition.next()).isEqualTo(expected);
        assertThat(transition.notice()).isEmpty();
        assertThat(transition.answer().isPresent()).isEqualTo(from.kind() != Step.Kind.INTRO);
    }

    static Stream<Arguments> typedScores() {
        return Stream.of(
                Arguments.of("4", 4, Optional.empty()),
                Arguments.of(" 2 ", 2, Optional.empty()),
                Arguments.of("4 omdat we elk kwartaal evalueren", 4, Optional.of("omdat we elk kwartaal evalueren")),
                Arguments.of("3: het team is nieuw", 3, Optional.of("het team is nieuw")),
                Arguments.of("5, zeker", 5, Optional.of("zeker")),
                Arguments.of("1 - één school doet mee", 1, Optional.of("één school doet mee")),
                Arguments.of("2\nnog geen budget", 2, Optional.of("nog geen budget")));
    }

    @ParameterizedTest(name = "''{0}'' scores {1}")
    @MethodSource("typedScores")
    void aTypedScoreCarriesItsToelichting(String text, int value, Optional<String> note) {
        Transition transition = conversation.onText(at(Step.statement(2)), text);

        String element = STO.statements().get(2).element().id();
        assertThat(transition.answer()).contains(new Transition.Answer.Scored(element, new Score(value, note)));
        assertThat(transition.next()).isEqualTo(Step.statement(3));
    }

    static Stream<Arguments> badInput() {
        String fiftyKilobytes = "a".repeat(50 * 1024);
        return Stream.of(
                Arguments.of(Step.statement(0), "6", "invalid.range"),
                Arguments.of(Step.statement(0), "0", "invalid.range"),
                Arguments.of(Step.statement(0), "99999999999999", "invalid.range"),
                Arguments.of(Step.statement(0), "vier", "invalid.notANumber"),
                Arguments.of(Step.statement(0), "helemaal wel", "invalid.notANumber"),
                Arguments.of(Step.statement(0), "4,5", "invalid.notWhole"),
                Arguments.of(Step.statement(0), "", "invalid.empty"),
                Arguments.of(Step.statement(0), " \n\t ", "invalid.empty"),
                Arguments.of(Step.statement(0), "4 " + fiftyKilobytes, "invalid.tooLong"),
                Arguments.of(Step.statement(0), "4 omdat\u0007", "invalid.control"),
                Arguments.of(Step.prompt(0), "", "invalid.empty"),
                Arguments.of(Step.prompt(1), fiftyKilobytes, "invalid.tooLong"),
                Arguments.of(Step.prompt(2), "tekst\u0000met nul", "invalid.control"),
                Arguments.of(Step.prompt(2), "omgekeerd \u202Etxet", "invalid.control"),
                Arguments.of(Step.SUMMARY, "misschien", "summary.help"),
                Arguments.of(Step.SUMMARY, "wijzig 9", "edit.which"),
                Arguments.of(Step.SUMMARY, "wijzig r4", "edit.which"),
                Arguments.of(Step.SUMMARY, "wijzig", "edit.which"));
    }

    @ParameterizedTest(name = "{0} + ''{1}'' is refused with {2}")
    @MethodSource("badInput")
    void badInputIsExplainedAndTheSameQuestionComesAgain(Step step, String text, String noticeKey) {
        CheckIn checkIn = step.kind() == Step.Kind.SUMMARY ? complete(step, false, false) : at(step);

        Transition transition = conversation.onText(checkIn, text);

        assertThat(transition.notice()).map(Notice::key).contains(noticeKey);
        assertThat(transition.next()).isEqualTo(step);
        assertThat(transition.answer()).isEmpty();
        assertThat(transition.submit()).isFalse();
    }

    @Test
    void nonAsciiReflectionIsKeptInComposedForm() {
        // "één" typed with combining accents becomes the same text as the precomposed form
        Transition transition = conversation.onText(at(Step.prompt(0)), "e\u0301e\u0301n school");

        assertThat(transition.answer()).contains(new Transition.Answer.Reflection(STO.prompts().get(0).id(), "één school"));
    }

    @Test
    void summarySubmitsOnlyFromTheSummary() {
        assertThat(conversation.onText(complete(Step.SUMMARY, false, false), "versturen").submit()).isTrue();
        assertThat(conversation.onText(complete(Step.SUMMARY, false, false), "Submit!").submit()).isTrue();
        Transition early = conversation.submit(at(Step.statement(2)));
        assertThat(early.submit()).isFalse();
        assertThat(early.notice()).map(Notice::key).contains("submit.notYet");
    }

    @Test
    void anEditFromTheSummaryLeadsBackToTheSummary() {
        Transition edit = conversation.onText(complete(Step.SUMMARY, false, false), "wijzig 3");
        assertThat(edit.next()).isEqualTo(Step.statement(2));
        assertThat(edit.editing()).isTrue();

        Transition answer = conversation.onText(complete(Step.statement(2), true, false), "1 toch minder");
        assertThat(answer.next()).isEqualTo(Step.SUMMARY);
        assertThat(answer.editing()).isFalse();

        Transition reflection = conversation.onText(complete(Step.SUMMARY, false, false), "wijzig r2");
        assertThat(reflection.next()).isEqualTo(Step.prompt(1));
    }

    @Test
    void afterSubmittingAnAnswerCanStillBeChangedUntilTheRoundCloses() {
        Transition edit = conversation.onText(complete(Step.DONE, false, true), "wijzig 1");
        assertThat(edit.next()).isEqualTo(Step.statement(0));

        Transition answer = conversation.onText(complete(Step.statement(0), true, true), "5");
        assertThat(answer.next()).isEqualTo(Step.DONE);
        assertThat(answer.notice()).map(Notice::key).contains("answer.updated");

        Transition chatter = conversation.onText(complete(Step.DONE, false, true), "hoi");
        assertThat(chatter.notice()).map(Notice::key).contains("done.help");
    }

    @Test
    void anEditHalfwayReturnsToTheFirstOpenQuestion() {
        CheckIn halfway = new CheckIn(1, 1, 1, Step.prompt(0), true, Optional.empty(), answered(3));

        Transition answer = conversation.onText(halfway, "beter geformuleerd");

        assertThat(answer.next()).isEqualTo(Step.statement(3));
    }

    @Test
    void aButtonOnAnEarlierStatementChangesThatScoreAndStaysPut() {
        CheckIn atFive = new CheckIn(1, 1, 1, Step.statement(4), false, Optional.empty(), answered(4));
        String first = STO.statements().get(0).element().id();

        Transition transition = conversation.onScore(atFive, first, 2, Optional.of("bij nader inzien"));

        assertThat(transition.answer()).contains(new Transition.Answer.Scored(first, new Score(2, Optional.of("bij nader inzien"))));
        assertThat(transition.next()).isEqualTo(Step.statement(4));
        assertThat(transition.notice()).map(Notice::key).contains("answer.changed");
    }

    @Test
    void aButtonOnAnOldStatementAfterSubmittingChangesNothingAndSaysHowToChangeIt() {
        String third = STO.statements().get(2).element().id();

        Transition transition = conversation.onScore(complete(Step.DONE, false, true), third, 1, Optional.empty());

        assertThat(transition.answer()).isEmpty();
        assertThat(transition.next()).isEqualTo(Step.DONE);
        assertThat(transition.notice()).contains(Notice.of("answer.afterSubmit", 3));
    }

    @Test
    void aChosenScoreOutsideTheScaleIsRefused() {
        String element = STO.statements().get(0).element().id();
        Transition transition = conversation.onScore(at(Step.statement(0)), element, 7, Optional.empty());

        assertThat(transition.answer()).isEmpty();
        assertThat(transition.notice()).map(Notice::key).contains("invalid.range");
    }

    @Test
    void startingAgainResumesWhereThePartnerWas() {
        assertThat(conversation.start(at(Step.INTRO)).next()).isEqualTo(Step.prompt(0));
        assertThat(conversation.start(at(Step.statement(5))).next()).isEqualTo(Step.statement(5));
    }

    @Test
    void anOwnersCheckInBeginsWithTheirActionsBeforeThePrompts() {
        Action first = action(11);
        Action second = action(12);
        Conversation withActions = new Conversation(STO, List.of(first, second));

        assertThat(withActions.start(at(Step.INTRO)).next()).isEqualTo(Step.action(0));
        Transition done = withActions.onText(at(Step.action(0)), "klaar, het staat in het jaarplan");
        assertThat(done.answer()).contains(new Transition.Answer.ActionUpdate(11, ActionStatus.DONE,
                Optional.of("het staat in het jaarplan")));
        assertThat(done.next()).isEqualTo(Step.action(1));
        Transition busy = withActions.onActionStatus(at(Step.action(1)), ActionStatus.IN_PROGRESS, Optional.empty());
        assertThat(busy.next()).isEqualTo(Step.prompt(0));
        assertThat(withActions.onText(at(Step.action(1)), "misschien").notice()).map(Notice::key)
                .contains("checkin.action.invalid");
        assertThat(conversation.start(at(Step.INTRO)).next()).isEqualTo(Step.prompt(0));
    }

    private static Action action(long id) {
        return new Action(id, 1, (int) id, "structuur", "Uren in de normjaartaak", Optional.empty(), Optional.empty(),
                ActionStatus.OPEN, Optional.empty(), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void stepsSurviveTheirStoredForm() {
        for (Step step : new Step[] {Step.INTRO, Step.action(1), Step.prompt(2), Step.statement(6), Step.SUMMARY, Step.DONE}) {
            assertThat(Step.decode(step.encode())).isEqualTo(step);
        }
    }
}
