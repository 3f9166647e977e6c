package nl.borgingsbot.core.report;

import nl.borgingsbot.core.questionnaire.Element;

/** An element's mean in the previous round and now. */
public record ElementChange(Element element, double previousMean, double currentMean) {

    /** Current minus previous mean: positive when the element went up. */
    public double delta() {
        return currentMean - previousMean;
    }
}
