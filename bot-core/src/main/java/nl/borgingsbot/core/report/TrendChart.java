package nl.borgingsbot.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.pngencoder.PngEncoder;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The trend of a region: one line per element through the means of its last rounds, on the same
 * fixed 1–5 scale as the radar (never auto-scaled), so a small change does not look like a big one.
 * Each element has the radar's colour, marker and dash ({@link RadarStyle}); elements with the same
 * mean in a round are drawn side by side; the last round's values stand at the lines' ends.
 */
public final class TrendChart {

    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;

    /** How far apart (in rounds) the points of elements with the same mean in one round are drawn. */
    static final double SPREAD = 0.05;

    /**
     * Element means per round: {@code means[element][round]}, {@code NaN} when nobody scored it;
     * {@code axisLabel} names the value axis, {@code language} formats the last round's values.
     */
    public record Data(String title, List<String> rounds, List<String> elements, double[][] means, String axisLabel,
                       Locale language) {
        public Data {
            rounds = List.copyOf(rounds);
            elements = List.copyOf(elements);
        }

        /** Without an axis label, values in Dutch. */
        public Data(String title, List<String> rounds, List<String> elements, double[][] means) {
            this(title, rounds, elements, means, "", Locale.forLanguageTag("nl"));
        }
    }

    public byte[] renderPng(Data data) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart(data).draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g2.dispose();
        }
        return new PngEncoder().withBufferedImage(image).withCompressionLevel(1).toBytes();
    }

    /**
     * The chart itself (tests look at its axis). A round where nobody scored an element leaves a
     * point out; the line runs on from the round before to the round after.
     */
    JFreeChart chart(Data data) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        int rounds = data.rounds().size();
        for (int element = 0; element < data.elements().size(); element++) {
            XYSeries series = new XYSeries(data.elements().get(element), false, false);
            for (int round = 0; round < rounds; round++) {
                double mean = data.means()[element][round];
                if (!Double.isNaN(mean)) {
                    series.add(round + spread(data, element, round), mean);
                }
            }
            dataset.addSeries(series);
        }
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
        NumberAxis scale = new NumberAxis(data.axisLabel().isBlank() ? null : data.axisLabel());
        scale.setRange(1, 5);
        scale.setTickUnit(new NumberTickUnit(1));
        scale.setAutoRange(false);
        scale.setTickLabelFont(tickFont);
        scale.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        SymbolAxis axis = new SymbolAxis(null, data.rounds().toArray(new String[0]));
        axis.setTickLabelFont(tickFont);
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0.05);
        axis.setUpperMargin(0.05);
        // room on the right for the last round's values
        axis.setRange(-0.3, Math.max(0.3, rounds - 1 + 0.5));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int element = 0; element < data.elements().size(); element++) {
            RadarStyle style = RadarStyle.of(element);
            lines.setSeriesPaint(element, style.colour());
            lines.setSeriesStroke(element, style.dash().stroke(3.5f, 1));
            lines.setSeriesShape(element, style.marker().shape(11));
        }
        XYPlot plot = new XYPlot(dataset, axis, scale, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(RadarChart.RING);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        labelLastRound(plot, data);
        JFreeChart chart = new JFreeChart(plot);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 12, 8, 12));
        TextTitle title = new TextTitle(data.title(), new Font(Font.SANS_SERIF, Font.BOLD, 30));
        title.setMargin(new RectangleInsets(18, 0, 10, 0));
        chart.setTitle(title);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemLabelPadding(new RectangleInsets(3, 4, 3, 22));
        legend.setMargin(new RectangleInsets(10, 0, 0, 0));
        return chart;
    }

    /**
     * Where an element's point sits beside its round: elements with the same mean in that round
     * are spread {@value #SPREAD} rounds apart around it, so no line hides another.
     */
    static double spread(Data data, int element, int round) {
        double mean = data.means()[element][round];
        int before = 0;
        int same = 0;
        for (int other = 0; other < data.elements().size(); other++) {
            double theirs = data.means()[other][round];
            if (!Double.isNaN(theirs) && Math.abs(theirs - mean) < 0.005) {
                same++;
                before += other < element ? 1 : 0;
            }
        }
        return (before - (same - 1) / 2.0) * SPREAD;
    }

    /** The last round's mean of each element at the end of its line; one label for elements that share it. */
    private static void labelLastRound(XYPlot plot, Data data) {
        int last = data.rounds().size() - 1;
        if (last < 0) {
            return;
        }
        NumberFormat format = NumberFormat.getNumberInstance(data.language());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        Map<String, List<Integer>> byValue = new LinkedHashMap<>();
        for (int element = 0; element < data.elements().size(); element++) {
            double mean = data.means()[element][last];
            if (!Double.isNaN(mean)) {
                byValue.computeIfAbsent(format.format(mean), k -> new ArrayList<>()).add(element);
            }
        }
        for (Map.Entry<String, List<Integer>> value : byValue.entrySet()) {
            List<Integer> elements = value.getValue();
            double x = last + elements.stream().mapToDouble(e -> spread(data, e, last)).max().orElse(0) + 0.08;
            XYTextAnnotation label = new XYTextAnnotation(value.getKey(), x, data.means()[elements.get(0)][last]);
            label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            label.setPaint(elements.size() == 1 ? RadarStyle.of(elements.get(0)).colour() : RadarChart.TEXT);
            label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
            plot.addAnnotation(label);
        }
    }
}
