package nl.borgingsbot.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the radar chart of a round like the programme's Excel chart: a fixed 1–5 scale with
 * labelled rings, one line per partner (each with its own colour, marker and dash, see
 * {@link RadarStyle}; coinciding points spread a few pixels apart so no line hides another),
 * the region mean thick and dashed, the element labels around the web, a legend, a title and a
 * subtitle. From {@value #CROWDED} partners on the partner lines are thin and half-transparent
 * behind the mean and a shaded min–max band. PNG, at most {@value #MAX_SIZE} px square (Teams' inline
 * limit), 8-bit indexed ({@link IndexedPng}: less than half the bytes) and encoded with pngencoder
 * (faster than ImageIO; see docs/benchmarks.md).
 */
public final class RadarChart {

    /** The largest picture drawn; a larger size is clamped to this. */
    public static final int MAX_SIZE = 1024;
    /** The smallest picture drawn; below this the labels no longer fit. */
    public static final int MIN_SIZE = 200;
    static final Color BACKGROUND = Color.WHITE;
    // not pure greys, so anti-aliased black text never produces exactly these colours (tests count them)
    static final Color RING = new Color(0xB4, 0xBE, 0xCB);
    public static final Color MEAN = new Color(0x14, 0x1E, 0x3C);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    /** The partners' colours (see {@link RadarStyle}); the Excel export and the trend chart use them too. */
    public static final List<Color> PALETTE = RadarStyle.PALETTE;
    /**
     * From this many partners on, their lines are drawn thin and half-transparent, behind the
     * region's mean and a shaded band from the lowest to the highest score on each element.
     */
    public static final int CROWDED = 9;
    /** The min–max band: the mean's colour, light and see-through so the rings show. */
    static final Color BAND = new Color(0x14, 0x1E, 0x3C, 34);
    private static final String FONT = Font.SANS_SERIF;

    /** The radar data of a round report: partner lines and the element means. */
    public static RadarData dataFor(RoundReport report, String title, String meanLabel) {
        return dataFor(report, title, "", meanLabel);
    }

    /** The radar data of a round report with a subtitle (see {@link RadarData}). */
    public static RadarData dataFor(RoundReport report, String title, String subtitle, String meanLabel) {
        List<String> labels = report.stats().stream()
                .map(s -> s.element().label().in(report.region().language())).toList();
        List<RadarData.Series> partners = new ArrayList<>();
        for (PartnerLine line : report.partnerLines()) {
            double[] values = report.stats().stream()
                    .mapToDouble(s -> {
                        Integer score = line.scoresByElementId().get(s.element().id());
                        return score == null ? Double.NaN : score;
                    }).toArray();
            partners.add(new RadarData.Series(line.label(), values));
        }
        double[] means = report.stats().stream().mapToDouble(ElementStats::mean).toArray();
        return new RadarData(title, subtitle, labels, partners, new RadarData.Series(meanLabel, means));
    }

    /** The chart as PNG bytes, {@code sizePx} square (clamped to {@value #MIN_SIZE}..{@value #MAX_SIZE}). */
    public byte[] renderPng(RadarData data, int sizePx) {
        return renderPng(data, sizePx, List.of());
    }

    /** As {@link #renderPng(RadarData, int)}, with {@code backdrops} drawn behind the lines. */
    public byte[] renderPng(RadarData data, int sizePx, List<RadarBackdrop> backdrops) {
        return IndexedPng.encode(draw(data, sizePx, backdrops).image());
    }

    /** The chart drawn into an RGB image, {@code sizePx} square (clamped as for {@link #renderPng}). */
    public BufferedImage render(RadarData data, int sizePx) {
        return draw(data, sizePx).image();
    }

    /** A drawn chart and where its web is: the square the outer ring (value 5) touches. */
    record Drawing(BufferedImage image, Rectangle2D web) {
    }

    Drawing draw(RadarData data, int sizePx) {
        return draw(data, sizePx, List.of());
    }

    Drawing draw(RadarData data, int sizePx, List<RadarBackdrop> backdrops) {
        int size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, sizePx));
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            JFreeChart chart = chart(data, size / (double) MAX_SIZE);
            ((RingedSpiderWebPlot) chart.getPlot()).setBackdrops(backdrops);
            chart.draw(g2, new Rectangle2D.Double(0, 0, size, size));
            return new Drawing(image, ((RingedSpiderWebPlot) chart.getPlot()).web());
        } finally {
            g2.dispose();
        }
    }

    /**
     * A series or axis in the dataset: its position keeps two partners of the same organisation
     * (or two equal labels) apart, where the name alone would merge them. Shown as the name.
     */
    private record Key(int index, String name) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            return Integer.compare(index, other.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static JFreeChart chart(RadarData data, double scale) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<RadarData.Series> all = new ArrayList<>(data.partners());
        all.add(data.mean()); // drawn last, on top
        for (int row = 0; row < all.size(); row++) {
            RadarData.Series series = all.get(row);
            for (int axis = 0; axis < data.axisLabels().size(); axis++) {
                double value = axis < series.values().length ? series.values()[axis] : Double.NaN;
                dataset.addValue(Double.isNaN(value) ? null : value, new Key(row, series.name()),
                        new Key(axis, data.axisLabels().get(axis)));
            }
        }
        int partners = data.partners().size();
        RingedSpiderWebPlot plot = new RingedSpiderWebPlot(dataset, scale, partners);
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setWebFilled(false);
        plot.setAxisLinePaint(RING);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        boolean crowded = partners >= CROWDED;
        for (int i = 0; i < partners; i++) {
            RadarStyle style = RadarStyle.of(i);
            plot.setSeriesPaint(i, style.colour());
            plot.setSeriesOutlinePaint(i, style.colour());
            double width = crowded ? 1.6 : partners <= 2 ? 3.5 : 2.5; // one or two lines (a partner's own): bolder
            plot.setSeriesOutlineStroke(i, style.dash().stroke((float) (width * scale), scale));
            plot.setSeriesMarker(i, style.marker().shape((crowded ? 8 : 12) * scale));
        }
        if (crowded) {
            plot.setPartnerAlpha(0.5f);
            band(data).ifPresent(plot::addBand);
        }
        int mean = partners;
        BasicStroke dashed = new BasicStroke((float) (6 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) (14 * scale), (float) (8 * scale)}, 0f);
        plot.setSeriesPaint(mean, MEAN);
        plot.setSeriesOutlinePaint(mean, MEAN);
        plot.setSeriesOutlineStroke(mean, dashed);
        plot.setSeriesMarker(mean, RadarStyle.Marker.CIRCLE.shape(10 * scale));
        // a reference drawn beside the region (say, another group's mean) is one more series after
        // the mean, styled here, and its range one more band (plot.addBand)

        JFreeChart chart = new JFreeChart(plot);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(12 * scale, 12 * scale, 12 * scale, 12 * scale));
        TextTitle title = new TextTitle(data.title(), new Font(FONT, Font.BOLD, (int) Math.round(32 * scale)));
        title.setPaint(TEXT);
        chart.setTitle(title);
        if (!data.subtitle().isBlank()) {
            TextTitle subtitle = new TextTitle(data.subtitle(), new Font(FONT, Font.PLAIN, (int) Math.round(22 * scale)));
            subtitle.setPaint(TEXT);
            subtitle.setPadding(new RectangleInsets(2 * scale, 0, 6 * scale, 0));
            chart.addSubtitle(subtitle);
        }
        LegendTitle legend = chart.getLegend();
        // smaller when there are many lines, so the legend does not squeeze the web
        int legendSize = data.partners().size() < 8 ? 22 : 19;
        legend.setItemFont(new Font(FONT, Font.PLAIN, (int) Math.round(legendSize * scale)));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(BACKGROUND);
        legend.setItemLabelPadding(new RectangleInsets(2 * scale, 4 * scale, 2 * scale, 14 * scale));
        return chart;
    }

    /** The lowest and highest partner score on each axis; empty when an axis has none. */
    static Optional<RingedSpiderWebPlot.Band> band(RadarData data) {
        int axes = data.axisLabels().size();
        double[] low = new double[axes];
        double[] high = new double[axes];
        for (int axis = 0; axis < axes; axis++) {
            low[axis] = Double.POSITIVE_INFINITY;
            high[axis] = Double.NEGATIVE_INFINITY;
            for (RadarData.Series series : data.partners()) {
                double value = axis < series.values().length ? series.values()[axis] : Double.NaN;
                if (!Double.isNaN(value)) {
                    low[axis] = Math.min(low[axis], value);
                    high[axis] = Math.max(high[axis], value);
                }
            }
            if (low[axis] > high[axis]) {
                return Optional.empty();
            }
        }
        return Optional.of(new RingedSpiderWebPlot.Band(low, high, BAND));
    }
}
