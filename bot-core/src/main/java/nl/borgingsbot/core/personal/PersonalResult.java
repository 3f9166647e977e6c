package nl.borgingsbot.core.personal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.questionnaire.Element;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.Response;
import nl.borgingsbot.core.report.RoundReport;

/**
 * One partner's own line in a closed round beside the region's mean, and the elements where
 * they differ most from the other partners (their score against the mean of the others').
 *
 * @param own         the partner's score per element, in questionnaire order ({@code NaN}: not scored)
 * @param differences at most {@value #DIFFERENCES}, largest difference first; none when nobody else scored
 */
public record PersonalResult(RoundReport report, Response response, double[] own, List<Difference> differences) {

    /** How many elements the DM names. */
    static final int DIFFERENCES = 2;

    public PersonalResult {
        differences = List.copyOf(differences);
    }

    /** One element: the partner's score and the mean of the other partners' scores. */
    public record Difference(Element element, int own, double others) {

        public double gap() {
            return own - others;
        }
    }

    /** The result of the partner with id {@code partnerId}; empty when they did not answer the round. */
    public static Optional<PersonalResult> of(RoundReport report, List<Response> responses, long partnerId) {
        Optional<Response> mine = responses.stream().filter(r -> r.partner().id() == partnerId).findFirst();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        List<ElementStats> stats = report.stats();
        double[] own = new double[stats.size()];
        List<Difference> differences = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            Element element = stats.get(i).element();
            Score score = mine.get().answers().scores().get(element.id());
            own[i] = score == null ? Double.NaN : score.value();
            int n = 0;
            double sum = 0;
            for (Response other : responses) {
                Score theirs = other.answers().scores().get(element.id());
                if (other.partner().id() != partnerId && theirs != null) {
                    n++;
                    sum += theirs.value();
                }
            }
            if (score != null && n > 0 && Math.abs(score.value() - sum / n) > 1e-9) {
                differences.add(new Difference(element, score.value(), sum / n));
            }
        }
        List<Difference> largest = differences.stream()
                .sorted(Comparator.comparingDouble((Difference d) -> Math.abs(d.gap())).reversed())
                .limit(DIFFERENCES).toList();
        return Optional.of(new PersonalResult(report, mine.get(), own, largest));
    }
}
