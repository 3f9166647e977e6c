package nl.borgingsbot.core.report;

import nl.borgingsbot.core.questionnaire.Element;

/** The scores of one element in one round: how many, mean, lowest, highest. */
public record ElementStats(Element element, int n, double mean, int min, int max) {

    /** Highest minus lowest score; 0 when nobody scored the element. */
    public int spread() {
        return n == 0 ? 0 : max - min;
    }
}
