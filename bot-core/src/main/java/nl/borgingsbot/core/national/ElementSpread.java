package nl.borgingsbot.core.national;

import nl.borgingsbot.core.questionnaire.Element;

/**
 * How the regions' means of one element spread: over how many regions (one vote each), their
 * mean, lowest, 25th percentile, median, 75th percentile and highest ({@link Percentiles}).
 * All NaN when no region scored the element.
 */
public record ElementSpread(Element element, int regions, double mean, double min, double p25, double median,
                            double p75, double max) {

    static ElementSpread of(Element element, double[] regionMeans) {
        double mean = regionMeans.length == 0 ? Double.NaN
                : java.util.Arrays.stream(regionMeans).sum() / regionMeans.length;
        return new ElementSpread(element, regionMeans.length, mean, Percentiles.of(regionMeans, 0),
                Percentiles.of(regionMeans, 0.25), Percentiles.of(regionMeans, 0.5), Percentiles.of(regionMeans, 0.75),
                Percentiles.of(regionMeans, 1));
    }
}
