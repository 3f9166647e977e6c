package nl.borgingsbot.core.report;

import java.util.List;

/**
 * What the radar chart shows: a title, a subtitle (what the chart is of: the round's closing date
 * and how many partners answered; empty for none), one axis label per element, one series per
 * partner and the region mean. A value of {@code NaN} means "not answered" and is left out of the line.
 */
public record RadarData(String title, String subtitle, List<String> axisLabels, List<Series> partners, Series mean) {

    public RadarData {
        axisLabels = List.copyOf(axisLabels);
        partners = List.copyOf(partners);
    }

    /** Without a subtitle. */
    public RadarData(String title, List<String> axisLabels, List<Series> partners, Series mean) {
        this(title, "", axisLabels, partners, mean);
    }

    /** One line: its name in the legend and a value per axis ({@code NaN}: not answered). */
    public record Series(String name, double[] values) {
    }
}
