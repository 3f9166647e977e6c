package nl.borgingsbot.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.questionnaire.Element;
import nl.borgingsbot.core.questionnaire.Prompt;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/** Computes a {@link RoundReport} from the counted responses of a round (and of the previous one). */
public final class ReportCalculator {

    /** How many of the lowest means the report names (more when tied). */
    static final int LOWEST = 2;
    /** From this spread (highest minus lowest score) partners disagree. */
    static final int DIVERGENT_SPREAD = 2;
    /** Below this many responses an anonymous region shows no per-partner lines. */
    public static final int ANONYMOUS_MINIMUM = Round.ANONYMOUS_MINIMUM;
    private static final double EPSILON = 1e-9;

    private ReportCalculator() {
    }

    /**
     * @param invited partners who got the check-in and were not away at the close
     * @param absent  partners away at the close who did not answer (not counted in the response rate)
     */
    public static RoundReport compute(Region region, Round round, Questionnaire questionnaire, int invited,
                                      int absent, List<Response> responses, List<Response> previousRoundResponses) {
        List<ElementStats> stats = stats(questionnaire, responses);
        return new RoundReport(region, round, questionnaire, stats, lowest(stats), divergent(stats),
                changes(stats, stats(questionnaire, previousRoundResponses)), invited, absent, responses.size(),
                partnerLines(round, questionnaire, responses), reflections(round, questionnaire, responses));
    }

    /** The statistics per element, in questionnaire order. */
    public static List<ElementStats> stats(Questionnaire questionnaire, List<Response> responses) {
        List<ElementStats> stats = new ArrayList<>();
        for (Element element : questionnaire.elements()) {
            int n = 0;
            int sum = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (Response response : responses) {
                Score score = response.answers().scores().get(element.id());
                if (score != null) {
                    n++;
                    sum += score.value();
                    min = Math.min(min, score.value());
                    max = Math.max(max, score.value());
                }
            }
            stats.add(n == 0 ? new ElementStats(element, 0, Double.NaN, 0, 0)
                    : new ElementStats(element, n, (double) sum / n, min, max));
        }
        return stats;
    }

    /** The two lowest means, and every element tied with the second of them. */
    private static List<ElementStats> lowest(List<ElementStats> stats) {
        List<ElementStats> scored = stats.stream().filter(s -> s.n() > 0)
                .sorted(Comparator.comparingDouble(ElementStats::mean)).toList();
        if (scored.isEmpty()) {
            return List.of();
        }
        double threshold = scored.get(Math.min(LOWEST, scored.size()) - 1).mean();
        return scored.stream().filter(s -> s.mean() <= threshold + EPSILON).toList();
    }

    private static List<ElementStats> divergent(List<ElementStats> stats) {
        return stats.stream().filter(s -> s.spread() >= DIVERGENT_SPREAD)
                .sorted(Comparator.comparingInt(ElementStats::spread).reversed()).toList();
    }

    private static List<ElementChange> changes(List<ElementStats> current, List<ElementStats> previous) {
        Map<String, ElementStats> before = new HashMap<>();
        previous.forEach(s -> before.put(s.element().id(), s));
        List<ElementChange> changes = new ArrayList<>();
        for (ElementStats now : current) {
            ElementStats then = before.get(now.element().id());
            if (now.n() > 0 && then != null && then.n() > 0) {
                changes.add(new ElementChange(now.element(), then.mean(), now.mean()));
            }
        }
        return changes;
    }

    private static List<PartnerLine> partnerLines(Round round, Questionnaire questionnaire, List<Response> responses) {
        if (round.anonymous() && responses.size() < ANONYMOUS_MINIMUM) {
            return List.of();
        }
        List<PartnerLine> lines = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            Response response = responses.get(i);
            Map<String, Integer> scores = new HashMap<>();
            for (Element element : questionnaire.elements()) {
                Score score = response.answers().scores().get(element.id());
                if (score != null) {
                    scores.put(element.id(), score.value());
                }
            }
            lines.add(new PartnerLine(round.anonymous() ? anonymousLabel(i) : response.partner().organisation(), scores));
        }
        return lines;
    }

    /** Partner A … Z, then Partner AA, AB … */
    static String anonymousLabel(int index) {
        String letters = index < 26 ? String.valueOf((char) ('A' + index))
                : String.valueOf((char) ('A' + index / 26 - 1)) + (char) ('A' + index % 26);
        return "Partner " + letters;
    }

    private static List<Reflection> reflections(Round round, Questionnaire questionnaire, List<Response> responses) {
        List<Reflection> reflections = new ArrayList<>();
        for (Prompt prompt : questionnaire.prompts()) {
            for (Response response : responses) {
                String text = response.answers().reflections().get(prompt.id());
                if (text != null && !text.isBlank()) {
                    Optional<String> attribution = round.anonymous() ? Optional.empty()
                            : Optional.of(response.partner().organisation());
                    reflections.add(new Reflection(prompt, attribution, text));
                }
            }
        }
        return reflections;
    }
}
