package nl.borgingsbot.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.general.DatasetUtils;

/**
 * A {@link SpiderWebPlot} on a fixed 1–5 scale with what the Excel chart has and JFreeChart's plot
 * lacks: concentric web rings at 1, 2, 3, 4 and 5 with their numbers, element labels wrapped and
 * kept apart (see {@link RadarLabels}), a gap in a line where a value is missing (rather than a
 * chord that reads as a value on the skipped axis), and legend entries that show each line's stroke.
 * Value {@code v} lies at {@code v/5} of the radius, so ring {@code k} is at {@code k/5}.
 */
final class RingedSpiderWebPlot extends SpiderWebPlot {

    static final int SCALE_MAX = 5;
    private static final Color RING_NUMBER = new Color(0x55, 0x55, 0x55);

    /** The least share of the plot area kept free around the web, whatever the labels need. */
    private static final double MIN_INTERIOR_GAP = 0.12;

    private final double scale;
    private double interiorGap = 0.3;
    private Rectangle2D web = new Rectangle2D.Double();
    private List<RadarBackdrop> backdrops = List.of();

    /**
     * @param dataset one row per series (partners, then the mean), one column per axis
     * @param scale   picture size / {@value RadarChart#MAX_SIZE}; fonts and strokes scale with it
     */
    RingedSpiderWebPlot(CategoryDataset dataset, double scale) {
        super(dataset);
        this.scale = scale;
        setMaxValue(SCALE_MAX);
        setStartAngle(90);
        setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, px(labelSize(dataset.getColumnCount()))));
    }

    /** Label font size at 1024 px: large for the usual seven axes, smaller when there are many. */
    static double labelSize(int axes) {
        return axes <= 8 ? 24 : Math.max(17, 24 - (axes - 8) * 0.7);
    }

    /** Drawn after the rings, behind the lines; their legend entries come last. */
    void setBackdrops(List<RadarBackdrop> backdrops) {
        this.backdrops = List.copyOf(backdrops);
    }

    /** The square the outer ring (value 5) touches, as last drawn. */
    Rectangle2D web() {
        return (Rectangle2D) web.clone();
    }

    /** The angle of an axis in degrees, counter-clockwise from three o'clock (axis 0 points up). */
    double angle(int axis, int axes) {
        return getStartAngle() + getDirection().getFactor() * axis * 360.0 / axes;
    }

    private int px(double size) {
        return (int) Math.round(size * scale);
    }

    /** Makes the web as large as the labels around it allow, then draws as {@link SpiderWebPlot} does. */
    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        Rectangle2D inner = getInsets().createInsetRectangle(area);
        double side = Math.min(inner.getWidth(), inner.getHeight());
        double radius = labels(g2).maxRadius(labelTexts(), angles(), inner.getWidth(), inner.getHeight());
        interiorGap = Math.max(MIN_INTERIOR_GAP, Math.min(0.8, 1 - 2 * radius / side));
        if (DatasetUtils.isEmptyOrNull(getDataset())) {
            drawEmptyWeb(g2, inner);
        } else {
            super.draw(g2, area, anchor, parentState, info);
        }
    }

    /**
     * {@link SpiderWebPlot} draws nothing when there is no value at all; a round without a single
     * score still shows its web, rings and labels. The geometry is that of {@code super.draw}.
     */
    private void drawEmptyWeb(Graphics2D g2, Rectangle2D area) {
        drawBackground(g2, area);
        Shape savedClip = g2.getClip();
        g2.clip(area);
        double side = Math.min(area.getWidth(), area.getHeight()) * (1 - getInteriorGap());
        Rectangle2D webArea = new Rectangle2D.Double(area.getCenterX() - side / 2, area.getCenterY() - side / 2,
                side, side);
        Point2D centre = new Point2D.Double(webArea.getCenterX(), webArea.getCenterY());
        int axes = getDataset().getColumnCount();
        for (int axis = 0; axis < axes; axis++) {
            g2.setPaint(getAxisLinePaint());
            g2.setStroke(getAxisLineStroke());
            g2.draw(new Line2D.Double(centre, getWebPoint(webArea, angle(axis, axes), 1)));
            drawLabel(g2, webArea, 0, axis, angle(axis, axes), 360.0 / axes);
        }
        g2.setClip(savedClip);
    }

    /** What {@code draw} computed: the share of the plot area left around the web for the labels. */
    @Override
    public double getInteriorGap() {
        return interiorGap;
    }

    /**
     * Called by {@code draw} once per axis, after that axis line and before any series. The first
     * call draws the rings and all labels (so labels can make room for each other); the partners'
     * lines end up on top of the rings.
     */
    @Override
    protected void drawLabel(Graphics2D g2, Rectangle2D webArea, double value, int cat, double startAngle,
                             double extent) {
        if (cat != 0) {
            return;
        }
        web = (Rectangle2D) webArea.clone();
        int axes = getDataset().getColumnCount();
        drawRings(g2, webArea, axes);
        RadarBackdrop.Geometry geometry = new RadarBackdrop.Geometry() {
            @Override
            public Point2D at(int axis, double value) {
                return getWebPoint(webArea, angle(axis, axes), value / SCALE_MAX);
            }

            @Override
            public int axes() {
                return axes;
            }

            @Override
            public double scale() {
                return scale;
            }
        };
        backdrops.forEach(backdrop -> backdrop.draw(g2, geometry));
        drawLabels(g2, webArea);
    }

    private void drawRings(Graphics2D g2, Rectangle2D area, int axes) {
        g2.setPaint(RadarChart.RING);
        g2.setStroke(new BasicStroke((float) Math.max(1.5, 2 * scale)));
        for (int ring = 1; ring <= SCALE_MAX; ring++) {
            Path2D polygon = new Path2D.Double();
            for (int axis = 0; axis < axes; axis++) {
                Point2D point = getWebPoint(area, angle(axis, axes), ring / (double) SCALE_MAX);
                if (axis == 0) {
                    polygon.moveTo(point.getX(), point.getY());
                } else {
                    polygon.lineTo(point.getX(), point.getY());
                }
            }
            polygon.closePath();
            g2.draw(polygon);
        }
        g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, px(20)));
        g2.setPaint(RING_NUMBER);
        FontMetrics metrics = g2.getFontMetrics();
        for (int ring = 1; ring <= SCALE_MAX; ring++) {
            Point2D point = getWebPoint(area, angle(0, axes), ring / (double) SCALE_MAX);
            // left of the first axis, just below the ring
            g2.drawString(String.valueOf(ring), (float) (point.getX() - 6 * scale - metrics.stringWidth("5")),
                    (float) (point.getY() + metrics.getAscent()));
        }
    }

    private void drawLabels(Graphics2D g2, Rectangle2D area) {
        g2.setFont(getLabelFont());
        g2.setPaint(getLabelPaint());
        FontMetrics metrics = g2.getFontMetrics();
        Rectangle2D bounds = g2.getClipBounds() != null ? g2.getClipBounds() : area;
        for (RadarLabels.Placed label : labels(g2).place(labelTexts(), angles(), area, bounds)) {
            for (int i = 0; i < label.lines().size(); i++) {
                String line = label.lines().get(i);
                // centred in the box, so a wrapped label reads as one block
                double x = label.box().getCenterX() - metrics.stringWidth(line) / 2.0;
                double baseline = label.box().getY() + metrics.getAscent() + i * metrics.getHeight();
                g2.drawString(line, (float) x, (float) baseline);
            }
        }
    }

    private RadarLabels labels(Graphics2D g2) {
        return new RadarLabels(g2.getFontMetrics(getLabelFont()), getDataset().getColumnCount() <= 8 ? 16 : 14,
                10 * scale);
    }

    private List<String> labelTexts() {
        List<String> labels = new ArrayList<>();
        for (int axis = 0; axis < getDataset().getColumnCount(); axis++) {
            labels.add(String.valueOf(getDataset().getColumnKey(axis)));
        }
        return labels;
    }

    private double[] angles() {
        int axes = getDataset().getColumnCount();
        double[] angles = new double[axes];
        for (int axis = 0; axis < axes; axis++) {
            angles[axis] = angle(axis, axes);
        }
        return angles;
    }

    /**
     * One series: lines between neighbouring axes that both have a value (a closed polygon when
     * all do), then a dot on each value. A missing value leaves a gap.
     */
    @Override
    protected void drawRadarPoly(Graphics2D g2, Rectangle2D webArea, Point2D centre, PlotRenderingInfo info,
                                 int series, int axes, double headH, double headW) {
        Point2D[] points = new Point2D[axes];
        int missing = -1;
        for (int axis = 0; axis < axes; axis++) {
            Number value = getPlotValue(series, axis);
            if (value == null || Double.isNaN(value.doubleValue())) {
                missing = axis;
            } else {
                points[axis] = getWebPoint(webArea, angle(axis, axes), value.doubleValue() / getMaxValue());
            }
        }
        Path2D line = new Path2D.Double();
        if (missing < 0) {
            line.moveTo(points[0].getX(), points[0].getY());
            for (int axis = 1; axis < axes; axis++) {
                line.lineTo(points[axis].getX(), points[axis].getY());
            }
            line.closePath();
        } else {
            // start just after a gap, so every run begins with a moveTo
            for (int k = 1; k <= axes; k++) {
                int axis = (missing + k) % axes;
                Point2D point = points[axis];
                if (point == null) {
                    continue;
                }
                if (points[(axis + axes - 1) % axes] == null) {
                    line.moveTo(point.getX(), point.getY());
                } else {
                    line.lineTo(point.getX(), point.getY());
                }
            }
        }
        Paint paint = getSeriesPaint(series);
        g2.setPaint(paint);
        g2.setStroke(getSeriesOutlineStroke(series));
        g2.draw(line);
        double dot = Math.max(headW, 9 * scale);
        for (Point2D point : points) {
            if (point != null) {
                g2.fill(new Ellipse2D.Double(point.getX() - dot / 2, point.getY() - dot / 2, dot, dot));
            }
        }
    }

    /** Legend entries with a short stretch of each series' line and its dot. */
    @Override
    public LegendItemCollection getLegendItems() {
        LegendItemCollection items = new LegendItemCollection();
        double half = 20 * scale;
        double dot = 9 * scale;
        Shape sample = new Line2D.Double(-half, 0, half, 0);
        Shape marker = new Ellipse2D.Double(-dot / 2, -dot / 2, dot, dot);
        for (int series = 0; series < getDataset().getRowCount(); series++) {
            String name = String.valueOf(getDataset().getRowKey(series));
            Paint paint = getSeriesPaint(series);
            LegendItem item = new LegendItem(name, name, null, null, true, marker, true, paint, false, paint,
                    getSeriesOutlineStroke(series), true, sample, getSeriesOutlineStroke(series), paint);
            item.setSeriesIndex(series);
            items.add(item);
        }
        for (RadarBackdrop backdrop : backdrops) {
            Paint paint = backdrop.legendPaint();
            items.add(new LegendItem(backdrop.legendLabel(), backdrop.legendLabel(), null, null, false, marker, false,
                    paint, false, paint, backdrop.legendStroke(scale), true, sample, backdrop.legendStroke(scale), paint));
        }
        return items;
    }
}
