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

import com.pngencoder.PngEncoder;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the radar chart of a round like the programme's Excel chart: a fixed 1–5 scale with
 * labelled rings, one thin line per partner, the region mean thick and dashed, the element labels
 * around the web, a legend and a title. PNG, at most {@value #MAX_SIZE} px square (Teams' inline
 * limit), encoded with pngencoder (faster than ImageIO; see docs/benchmarks.md).
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
    /** Distinct colours for up to 16 partners (then they repeat); the Excel export uses them too. */
    public static final List<Color> PALETTE = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
            new Color(0xbcbd22), new Color(0x7f7f7f), new Color(0x393b79), new Color(0xad494a),
            new Color(0x637939), new Color(0x843c39), new Color(0x3182bd), new Color(0xe6550d));
    private static final String FONT = Font.SANS_SERIF;

    /** The radar data of a round report: partner lines and the element means. */
    public static RadarData dataFor(RoundReport report, String title, String meanLabel) {
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
        return new RadarData(title, labels, partners, new RadarData.Series(meanLabel, means));
    }

    /** The chart as PNG bytes, {@code sizePx} square (clamped to {@value #MIN_SIZE}..{@value #MAX_SIZE}). */
    public byte[] renderPng(RadarData data, int sizePx) {
        return renderPng(data, sizePx, List.of());
    }

    /** As {@link #renderPng(RadarData, int)}, with {@code backdrops} drawn behind the lines. */
    public byte[] renderPng(RadarData data, int sizePx, List<RadarBackdrop> backdrops) {
        return new PngEncoder().withBufferedImage(draw(data, sizePx, backdrops).image()).withCompressionLevel(1)
                .toBytes();
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
        RingedSpiderWebPlot plot = new RingedSpiderWebPlot(dataset, scale);
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setWebFilled(false);
        plot.setAxisLinePaint(RING);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        for (int i = 0; i < data.partners().size(); i++) {
            Color colour = PALETTE.get(i % PALETTE.size());
            plot.setSeriesPaint(i, colour);
            plot.setSeriesOutlinePaint(i, colour);
            plot.setSeriesOutlineStroke(i, new BasicStroke((float) (2.5 * scale)));
        }
        int mean = data.partners().size();
        BasicStroke dashed = new BasicStroke((float) (6 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) (14 * scale), (float) (8 * scale)}, 0f);
        plot.setSeriesPaint(mean, MEAN);
        plot.setSeriesOutlinePaint(mean, MEAN);
        plot.setSeriesOutlineStroke(mean, dashed);

        JFreeChart chart = new JFreeChart(plot);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(12 * scale, 12 * scale, 12 * scale, 12 * scale));
        TextTitle title = new TextTitle(data.title(), new Font(FONT, Font.BOLD, (int) Math.round(32 * scale)));
        title.setPaint(TEXT);
        chart.setTitle(title);
        LegendTitle legend = chart.getLegend();
        // smaller when there are many lines, so the legend does not squeeze the web
        int legendSize = data.partners().size() < 8 ? 22 : 19;
        legend.setItemFont(new Font(FONT, Font.PLAIN, (int) Math.round(legendSize * scale)));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(BACKGROUND);
        return chart;
    }
}
