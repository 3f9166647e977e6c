package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.checkin.Answers;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundState;
import nl.borgingsbot.core.testing.Fixtures;

class ReportCalculatorTest {

    private static final Questionnaire STO = Fixtures.stoBorging();
    private static final Round ROUND = new Round(1, 1, 2, "sto-borging", RoundState.CLOSED, Instant.EPOCH,
            Instant.EPOCH, Optional.of(Instant.EPOCH), false);

    private static Region region(boolean anonymous) {
        return new Region(1, "Noord", new ChatChannel(Platform.of("slack"), "T", "C"), Region.DUTCH, Region.AMSTERDAM,
                anonymous, "sto-borging");
    }

    /** A response with the seven scores in questionnaire order; 0 means "not scored". */
    private static Response response(int id, int... scores) {
        Map<String, Score> byElement = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                byElement.put(STO.statements().get(i).element().id(), new Score(scores[i], Optional.empty()));
            }
        }
        Map<String, String> reflections = Map.of("denken", "denken " + id, "vragen", id == 2 ? " " : "vragen " + id);
        Partner partner = new Partner(id, 1, new ChatUser(Platform.of("slack"), "T", "U" + id), "P" + id, "Org " + id);
        return new Response(partner, new Answers(reflections, byElement));
    }

    private static RoundReport compute(boolean anonymous, List<Response> responses, List<Response> previous) {
        Round round = new Round(ROUND.id(), ROUND.regionId(), ROUND.number(), ROUND.questionnaireId(), ROUND.state(),
                ROUND.openedAt(), ROUND.deadline(), ROUND.closedAt(), anonymous);
        return ReportCalculator.compute(region(false), round, STO, 5, 0, responses, previous);
    }

    static Stream<Arguments> statistics() {
        return Stream.of(
                // scores of element 1 over the responses -> n, mean, min, max, spread
                Arguments.of(new int[] {4}, 1, 4.0, 4, 4, 0),
                Arguments.of(new int[] {1, 5}, 2, 3.0, 1, 5, 4),
                Arguments.of(new int[] {3, 4, 4}, 3, 11 / 3.0, 3, 4, 1),
                Arguments.of(new int[] {2, 0, 2, 3}, 3, 7 / 3.0, 2, 3, 1),
                Arguments.of(new int[] {0, 0}, 0, Double.NaN, 0, 0, 0),
                Arguments.of(new int[] {1, 1, 1, 1, 1, 5}, 6, 10 / 6.0, 1, 5, 4));
    }

    @ParameterizedTest(name = "{0} -> n={1} mean={2} min={3} max={4} spread={5}")
    @MethodSource("statistics")
    void perElementStatistics(int[] scores, int n, double mean, int min, int max, int spread) {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            responses.add(response(i + 1, scores[i], 3, 3, 3, 3, 3, 3));
        }
        ElementStats stats = compute(false, responses, List.of()).stats().get(0);

        assertThat(stats.n()).isEqualTo(n);
        if (n == 0) {
            assertThat(stats.mean()).isNaN();
        } else {
            assertThat(stats.mean()).isCloseTo(mean, within(1e-9));
        }
        assertThat(stats.min()).isEqualTo(min);
        assertThat(stats.max()).isEqualTo(max);
        assertThat(stats.spread()).isEqualTo(spread);
    }

    static Stream<Arguments> lowest() {
        return Stream.of(
                Arguments.of(new int[] {1, 2, 3, 4, 5, 5, 5}, List.of("cultuur", "aanbod")),
                Arguments.of(new int[] {5, 5, 5, 5, 5, 2, 1}, List.of("communiceren", "inzicht")),
                Arguments.of(new int[] {2, 2, 2, 4, 4, 4, 4}, List.of("cultuur", "aanbod", "betrokkenheid")),
                Arguments.of(new int[] {1, 3, 3, 3, 4, 4, 4}, List.of("cultuur", "aanbod", "betrokkenheid", "samenwerking")),
                Arguments.of(new int[] {4, 2, 1, 2, 5, 5, 5}, List.of("betrokkenheid", "aanbod", "samenwerking")),
                Arguments.of(new int[] {3, 1, 3, 1, 4, 4, 4}, List.of("aanbod", "samenwerking")),
                Arguments.of(new int[] {3, 3, 3, 3, 3, 3, 3}, List.of("cultuur", "aanbod", "betrokkenheid",
                        "samenwerking", "structuur", "inzicht", "communiceren")),
                Arguments.of(new int[] {0, 0, 0, 0, 0, 0, 4}, List.of("communiceren")),
                Arguments.of(new int[] {5, 0, 0, 0, 0, 0, 4}, List.of("communiceren", "cultuur")),
                Arguments.of(new int[] {0, 0, 0, 0, 0, 0, 0}, List.of()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("lowest")
    void theTwoLowestMeansTiesIncludedAndNeverAnUnscoredElement(int[] scores, List<String> expected) {
        RoundReport report = compute(false, List.of(response(1, scores)), List.of());

        assertThat(report.lowest()).extracting(s -> s.element().id()).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> divergent() {
        return Stream.of(
                // two partners' scores in questionnaire order -> divergent elements, largest spread first
                Arguments.of(new int[] {2, 3, 3, 3, 3, 3, 3}, new int[] {4, 3, 3, 3, 3, 3, 3}, List.of("cultuur")),
                Arguments.of(new int[] {3, 3, 3, 3, 3, 3, 3}, new int[] {4, 4, 4, 4, 4, 4, 4}, List.of()),
                Arguments.of(new int[] {1, 3, 2, 3, 3, 3, 3}, new int[] {5, 4, 4, 3, 3, 3, 3},
                        List.of("cultuur", "betrokkenheid")),
                Arguments.of(new int[] {2, 1, 2, 3, 3, 3, 5}, new int[] {4, 5, 4, 3, 3, 3, 2},
                        List.of("aanbod", "communiceren", "cultuur", "betrokkenheid")),
                Arguments.of(new int[] {0, 1, 3, 3, 3, 3, 3}, new int[] {0, 3, 3, 3, 3, 3, 3}, List.of("aanbod")));
    }

    @ParameterizedTest(name = "{0} and {1} -> {2}")
    @MethodSource("divergent")
    void elementsWithASpreadOfTwoOrMoreAreDivergentLargestFirstThenInQuestionnaireOrder(int[] first, int[] second,
                                                                                         List<String> expected) {
        RoundReport report = compute(false, List.of(response(1, first), response(2, second)), List.of());

        assertThat(report.divergent()).extracting(s -> s.element().id()).containsExactlyElementsOf(expected);
    }

    @Test
    void changeSinceThePreviousRoundOnlyWhereBothRoundsHaveScores() {
        RoundReport report = compute(false, List.of(response(1, 4, 2, 3, 3, 3, 3, 0)),
                List.of(response(1, 2, 3, 0, 3, 3, 3, 3)));

        assertThat(report.changes()).extracting(c -> c.element().id())
                .containsExactly("cultuur", "aanbod", "samenwerking", "structuur", "inzicht");
        assertThat(report.changes().get(0).delta()).isEqualTo(2.0);
        assertThat(report.changes().get(1).delta()).isEqualTo(-1.0);
        assertThat(compute(false, List.of(response(1, 4, 2, 3, 3, 3, 3, 3)), List.of()).changes()).isEmpty();
    }

    @Test
    void partnersAreNamedByOrganisationUnlessTheRegionIsAnonymous() {
        List<Response> three = List.of(response(1, 3, 3, 3, 3, 3, 3, 3), response(2, 4, 4, 4, 4, 4, 4, 4),
                response(3, 2, 2, 2, 2, 2, 2, 0));

        assertThat(compute(false, three, List.of()).partnerLines()).extracting(PartnerLine::label)
                .containsExactly("Org 1", "Org 2", "Org 3");
        RoundReport anonymous = compute(true, three, List.of());
        assertThat(anonymous.partnerLines()).extracting(PartnerLine::label)
                .containsExactly("Partner A", "Partner B", "Partner C");
        assertThat(anonymous.partnerLines().get(2).scoresByElementId()).doesNotContainKey("communiceren");
        assertThat(compute(true, three.subList(0, 2), List.of()).partnerLines()).isEmpty();
        assertThat(ReportCalculator.anonymousLabel(27)).isEqualTo("Partner AB");
    }

    @Test
    void reflectionsAreGroupedByPromptAttributedUnlessAnonymousAndBlankOnesLeftOut() {
        List<Response> two = List.of(response(1, 3, 3, 3, 3, 3, 3, 3), response(2, 3, 3, 3, 3, 3, 3, 3));

        RoundReport named = compute(false, two, List.of());
        assertThat(named.reflections()).extracting(r -> r.prompt().id() + ":" + r.text() + ":" + r.attribution().orElse("-"))
                .containsExactly("denken:denken 1:Org 1", "denken:denken 2:Org 2", "vragen:vragen 1:Org 1");
        assertThat(compute(true, two, List.of()).reflections()).allSatisfy(r -> assertThat(r.attribution()).isEmpty());
    }

    @Test
    void responseRateIsRespondedOverInvited() {
        RoundReport report = compute(false, List.of(response(1, 3, 3, 3, 3, 3, 3, 3)), List.of());
        assertThat(report.responded()).isEqualTo(1);
        assertThat(report.responseRate()).isEqualTo(0.2);
    }
}
