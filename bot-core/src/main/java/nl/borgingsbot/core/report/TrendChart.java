package nl.borgingsbot.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import com.pngencoder.PngEncoder;

/**
 * The trend of a region: one line per element through the means of its last rounds, on the same
 * fixed 1–5 scale as the radar (never auto-scaled), so a small change does not look like a big one.
 */
public final class TrendChart {

    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;

    /** Element means per round: {@code means[element][round]}, {@code NaN} when nobody scored it. */
    public record Data(String title, List<String> rounds, List<String> elements, double[][] means) {
        public Data {
            rounds = List.copyOf(rounds);
            elements = List.copyOf(elements);
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
        for (int element = 0; element < data.elements().size(); element++) {
            XYSeries series = new XYSeries(data.elements().get(element), false, false);
            for (int round = 0; round < data.rounds().size(); round++) {
                double mean = data.means()[element][round];
                if (!Double.isNaN(mean)) {
                    series.add(round, mean);
                }
            }
            dataset.addSeries(series);
        }
        NumberAxis scale = new NumberAxis();
        scale.setRange(1, 5);
        scale.setTickUnit(new NumberTickUnit(1));
        scale.setAutoRange(false);
        scale.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        SymbolAxis rounds = new SymbolAxis(null, data.rounds().toArray(new String[0]));
        rounds.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        rounds.setGridBandsVisible(false);
        rounds.setLowerMargin(0.05);
        rounds.setUpperMargin(0.05);
        rounds.setRange(-0.3, Math.max(0.3, data.rounds().size() - 0.7));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int element = 0; element < data.elements().size(); element++) {
            lines.setSeriesPaint(element, RadarChart.PALETTE.get(element % RadarChart.PALETTE.size()));
            lines.setSeriesStroke(element, new BasicStroke(3.5f));
        }
        XYPlot plot = new XYPlot(dataset, rounds, scale, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(RadarChart.RING);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(plot);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(data.title(), new Font(Font.SANS_SERIF, Font.BOLD, 30)));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }
}
