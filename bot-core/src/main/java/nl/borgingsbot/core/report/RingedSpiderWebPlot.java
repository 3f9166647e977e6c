package nl.borgingsbot.core.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * chord that reads as a value on the skipped axis), legend entries that show each line's stroke and
 * marker, partners' coinciding points spread apart around their true place, shaded bands behind the lines, and
 * the ring numbers drawn last, over a halo.
 * Value {@code v} lies at {@code v/5} of the radius, so ring {@code k} is at {@code k/5}.
 */
final class RingedSpiderWebPlot extends SpiderWebPlot {

    static final int SCALE_MAX = 5;
    /** The ring numbers' colour: slate, never produced by anti-aliased black text (tests look for it). */
    static final Color RING_NUMBER = new Color(0x3C, 0x4A, 0x60);
    private static final Color HALO = new Color(255, 255, 255, 225);
    /** Pixels (at 1024 px) between coinciding points of two partners. */
    private static final double SPREAD_STEP = 7;
    /** How far the two nearest coinciding points lie from the true point, in pixels at 1024 px. */
    private static final double SPREAD_CENTRE = 6;
    /** The widest a group of coinciding points spreads, in pixels at 1024 px. */
    private static final double SPREAD_MAX = 40;

    /**
     * A shaded area behind every line, between a low and a high value per axis: the region's
     * min–max, or a reference range beside it.
     */
    record Band(double[] low, double[] high, Paint fill) {
    }

    /** The least share of the plot area kept free around the web, whatever the labels need. */
    private static final double MIN_INTERIOR_GAP = 0.12;

    private final double scale;
    private final int partners;
    private final Map<Integer, Shape> markers = new HashMap<>();
    private final List<Band> bands = new ArrayList<>();
    private float partnerAlpha = 1f;
    private double[][] spread = new double[0][0];
    private double interiorGap = 0.3;
    private Rectangle2D web = new Rectangle2D.Double();
    private List<RadarBackdrop> backdrops = List.of();

    /**
     * @param dataset one row per series (partners, then the mean), one column per axis
     * @param scale    picture size / {@value RadarChart#MAX_SIZE}; fonts and strokes scale with it
     * @param partners how many of the first series are partners: their coinciding points are
     *                 spread along the ring, and {@link #setPartnerAlpha} applies to them
     */
    RingedSpiderWebPlot(CategoryDataset dataset, double scale, int partners) {
        super(dataset);
        this.scale = scale;
        this.partners = partners;
        setMaxValue(SCALE_MAX);
        setStartAngle(90);
        setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, px(labelSize(dataset.getColumnCount()))));
    }

    /** Label font size at 1024 px: large for the usual seven axes, smaller when there are many. */
    static double labelSize(int axes) {
        return axes <= 8 ? 24 : Math.max(17, 24 - (axes - 8) * 0.7);
    }

    /** The marker drawn on each value of a series, centred on (0, 0); a circle when none is set. */
    void setSeriesMarker(int series, Shape marker) {
        markers.put(series, marker);
    }

    /** How opaque the partners' lines are drawn (1: opaque); the legend stays opaque. */
    void setPartnerAlpha(float alpha) {
        partnerAlpha = alpha;
    }

    /** A band drawn over the rings and behind every line, in the order added. */
    void addBand(Band band) {
        bands.add(band);
    }

    /** Drawn after the rings and bands, behind the lines (another feature's reference); their legend entries come last. */
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
        spread = spread();
        if (DatasetUtils.isEmptyOrNull(getDataset())) {
            drawEmptyWeb(g2, inner);
        } else {
            super.draw(g2, area, anchor, parentState, info);
        }
        drawRingNumbers(g2, web, getDataset().getColumnCount());
    }

    /**
     * For each partner and axis, how far (pixels, see {@link #spreadAlongRing}) its point moves so that
     * partners with the same value on that axis lie side by side around the true point, instead of
     * on top of each other; the middle stays free for the mean (the series after the partners),
     * and a partner alone on the mean's value moves aside too.
     */
    private double[][] spread() {
        CategoryDataset dataset = getDataset();
        int axes = dataset.getColumnCount();
        double[][] offsets = new double[partners][axes];
        for (int axis = 0; axis < axes; axis++) {
            Map<Long, List<Integer>> same = new LinkedHashMap<>();
            for (int series = 0; series < partners && series < dataset.getRowCount(); series++) {
                Number value = dataset.getValue(series, axis);
                if (value != null && !Double.isNaN(value.doubleValue())) {
                    same.computeIfAbsent(Math.round(value.doubleValue() * 100), k -> new ArrayList<>()).add(series);
                }
            }
            Number mean = partners < dataset.getRowCount() ? dataset.getValue(partners, axis) : null;
            Long onTheMean = mean == null || Double.isNaN(mean.doubleValue()) ? null : Math.round(mean.doubleValue() * 100);
            for (Map.Entry<Long, List<Integer>> entry : same.entrySet()) {
                List<Integer> group = entry.getValue();
                int k = group.size();
                if (k < 2 && !entry.getKey().equals(onTheMean)) {
                    continue; // alone, and not under the mean's line
                }
                // either side of the true point, the middle left free for the mean's line
                double step = Math.min(SPREAD_STEP, (SPREAD_MAX - 2 * SPREAD_CENTRE) / Math.max(1, k - 2)) * scale;
                for (int i = 0; i < k; i++) {
                    offsets[group.get(i)][axis] = (i % 2 == 0 ? -1 : 1) * (SPREAD_CENTRE * scale + (i / 2) * step);
                }
            }
        }
        return offsets;
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
     * call draws the rings, the bands and all labels (so labels can make room for each other); the
     * partners' lines end up on top of them.
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
        for (Band band : bands) {
            Path2D shape = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            shape.append(ring(area, axes, band.high()), false);
            shape.append(ring(area, axes, band.low()), false);
            g2.setPaint(band.fill());
            g2.fill(shape);
        }
        g2.setPaint(RadarChart.RING);
        g2.setStroke(new BasicStroke((float) Math.max(1.5, 2 * scale)));
        for (int ring = 1; ring <= SCALE_MAX; ring++) {
            double[] values = new double[axes];
            Arrays.fill(values, ring);
            g2.draw(ring(area, axes, values));
        }
    }

    /** A closed polygon through a value on each axis. */
    private Path2D ring(Rectangle2D area, int axes, double[] values) {
        Path2D polygon = new Path2D.Double();
        for (int axis = 0; axis < axes; axis++) {
            Point2D point = getWebPoint(area, angle(axis, axes), values[axis] / SCALE_MAX);
            if (axis == 0) {
                polygon.moveTo(point.getX(), point.getY());
            } else {
                polygon.lineTo(point.getX(), point.getY());
            }
        }
        polygon.closePath();
        return polygon;
    }

    /**
     * The numbers 1–5 of the rings, left of the first axis just below each ring: drawn after the
     * lines, over a light halo, so no marker or line covers them.
     */
    private void drawRingNumbers(Graphics2D g2, Rectangle2D area, int axes) {
        if (area.isEmpty() || axes == 0) {
            return;
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, px(20));
        FontMetrics metrics = g2.getFontMetrics(font);
        Stroke savedStroke = g2.getStroke();
        for (int ring = 1; ring <= SCALE_MAX; ring++) {
            Point2D point = getWebPoint(area, angle(0, axes), ring / (double) SCALE_MAX);
            Shape number = font.createGlyphVector(g2.getFontRenderContext(), String.valueOf(ring)).getOutline(
                    (float) (point.getX() - 6 * scale - metrics.stringWidth("5")),
                    (float) (point.getY() + metrics.getAscent()));
            g2.setPaint(HALO);
            g2.setStroke(new BasicStroke((float) Math.max(2, 5 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(number);
            g2.setPaint(RING_NUMBER);
            g2.fill(number);
        }
        g2.setStroke(savedStroke);
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
                points[axis] = spreadAlongRing(getWebPoint(webArea, angle(axis, axes),
                        value.doubleValue() / getMaxValue()), angle(axis, axes), offset(series, axis));
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
        Composite savedComposite = g2.getComposite();
        if (series < partners && partnerAlpha < 1f) {
            g2.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, partnerAlpha));
        }
        g2.setPaint(getSeriesPaint(series));
        g2.setStroke(getSeriesOutlineStroke(series));
        g2.draw(line);
        Shape marker = marker(series);
        for (Point2D point : points) {
            if (point != null) {
                g2.fill(AffineTransform.getTranslateInstance(point.getX(), point.getY()).createTransformedShape(marker));
            }
        }
        g2.setComposite(savedComposite);
    }

    private double offset(int series, int axis) {
        return series < spread.length && axis < spread[series].length ? spread[series][axis] : 0;
    }

    /**
     * The point moved {@code offset} pixels diagonally: along the ring (which parts lines that
     * cross the ring) and a little across it (which parts lines that run along it, as two partners
     * with the same score on neighbouring axes do). Across is at most a tenth of a scale point.
     */
    private static Point2D spreadAlongRing(Point2D point, double angle, double offset) {
        double radians = Math.toRadians(angle);
        // on screen the axis points (cos, -sin) and the ring runs (sin, cos)
        double along = offset * Math.sqrt(0.5);
        return new Point2D.Double(point.getX() + (Math.sin(radians) + Math.cos(radians)) * along,
                point.getY() + (Math.cos(radians) - Math.sin(radians)) * along);
    }

    private Shape marker(int series) {
        return markers.getOrDefault(series, RadarStyle.Marker.CIRCLE.shape(9 * scale));
    }

    /** Legend entries with a short stretch of each series' line and its marker. */
    @Override
    public LegendItemCollection getLegendItems() {
        LegendItemCollection items = new LegendItemCollection();
        double half = 20 * scale;
        Shape sample = new Line2D.Double(-half, 0, half, 0);
        for (int series = 0; series < getDataset().getRowCount(); series++) {
            String name = String.valueOf(getDataset().getRowKey(series));
            Paint paint = getSeriesPaint(series);
            LegendItem item = new LegendItem(name, name, null, null, true, marker(series), true, paint, false, paint,
                    getSeriesOutlineStroke(series), true, sample, getSeriesOutlineStroke(series), paint);
            item.setSeriesIndex(series);
            items.add(item);
        }
        for (RadarBackdrop backdrop : backdrops) {
            Paint paint = backdrop.legendPaint();
            Stroke stroke = backdrop.legendStroke(scale);
            items.add(new LegendItem(backdrop.legendLabel(), backdrop.legendLabel(), null, null, false, marker(-1), false,
                    paint, false, paint, stroke, true, sample, stroke, paint));
        }
        return items;
    }
}
