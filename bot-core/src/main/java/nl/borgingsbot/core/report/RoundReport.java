package nl.borgingsbot.core.report;

import java.util.List;

import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/**
 * Everything the channel report says about a round: statistics per element (questionnaire
 * order), the lowest-scoring and most divergent elements, the change since the previous round,
 * the response rate (partners away at the close left out, and counted), one line per partner for the
 * radar, and the reflections.
 */
public record RoundReport(Region region, Round round, Questionnaire questionnaire, List<ElementStats> stats,
                          List<ElementStats> lowest, List<ElementStats> divergent, List<ElementChange> changes,
                          int invited, int absent, int responded, List<PartnerLine> partnerLines,
                          List<Reflection> reflections) {

    public RoundReport {
        stats = List.copyOf(stats);
        lowest = List.copyOf(lowest);
        divergent = List.copyOf(divergent);
        changes = List.copyOf(changes);
        partnerLines = List.copyOf(partnerLines);
        reflections = List.copyOf(reflections);
    }

    /** Responded / invited, 0 when nobody was invited. */
    public double responseRate() {
        return invited == 0 ? 0 : (double) responded / invited;
    }
}
