package nl.borgingsbot.core.report;

import java.util.Map;

/** One line on the radar: a partner's scores by element id, labelled by organisation or "Partner A". */
public record PartnerLine(String label, Map<String, Integer> scoresByElementId) {

    public PartnerLine {
        scoresByElementId = Map.copyOf(scoresByElementId);
    }
}
