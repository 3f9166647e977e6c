package nl.borgingsbot.core.national;

import java.util.Arrays;

/**
 * Percentiles of a handful of region means, by linear interpolation between the closest ranks —
 * Excel's PERCENTILE.INC (R's type 7): for sorted values x<sub>0</sub> … x<sub>n−1</sub> the
 * p-th percentile lies at rank h = (n − 1)·p, between x<sub>⌊h⌋</sub> and x<sub>⌊h⌋+1</sub>.
 * A programme officer can check every number with the same function in Excel.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 ≤ p ≤ 1) of {@code values}; NaN when there are none. */
    static double of(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
