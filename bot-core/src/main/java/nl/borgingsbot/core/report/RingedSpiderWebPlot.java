package nl.borgingsbot.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.data.category.CategoryDataset;

/**
 * A {@link SpiderWebPlot} on a fixed 1–5 scale with what the Excel chart has and JFreeChart's
 * plot lacks: concentric web rings at 1, 2, 3, 4 and 5 with their numbers, and element labels
 * wrapped over several lines so long Dutch labels stay inside the picture.
 */
final class RingedSpiderWebPlot extends SpiderWebPlot {

    static final int SCALE_MAX = 5;
    private static final int WRAP_AT = 16;

    private final double scale;

    RingedSpiderWebPlot(CategoryDataset dataset, double scale) {
        super(dataset);
        this.scale = scale;
        setMaxValue(SCALE_MAX);
        setStartAngle(90);
        setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(22 * scale)));
    }

    /**
     * Called by {@code draw} once per axis, after that axis line and before any series: the first
     * call also draws the rings, so the partners' lines end up on top of them.
     */
    @Override
    protected void drawLabel(Graphics2D g2, Rectangle2D plotArea, double value, int cat, double startAngle,
                             double extent) {
        int axes = getDataset().getColumnCount();
        if (cat == 0) {
            drawRings(g2, plotArea, axes);
        }
        drawWrappedLabel(g2, plotArea, cat, startAngle);
    }

    private void drawRings(Graphics2D g2, Rectangle2D area, int axes) {
        g2.setPaint(RadarChart.RING);
        g2.setStroke(new BasicStroke((float) Math.max(2, 2 * scale)));
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
        g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(18 * scale)));
        g2.setPaint(new Color(0x66, 0x66, 0x66));
        for (int ring = 1; ring <= SCALE_MAX; ring++) {
            Point2D point = getWebPoint(area, angle(0, axes), ring / (double) SCALE_MAX);
            g2.drawString(String.valueOf(ring), (float) (point.getX() + 6 * scale), (float) (point.getY() - 4 * scale));
        }
    }

    private double angle(int axis, int axes) {
        return getStartAngle() + getDirection().getFactor() * axis * 360.0 / axes;
    }

    private void drawWrappedLabel(Graphics2D g2, Rectangle2D area, int cat, double angle) {
        String label = String.valueOf(getDataset().getColumnKey(cat));
        g2.setFont(getLabelFont());
        g2.setPaint(getLabelPaint());
        FontMetrics metrics = g2.getFontMetrics();
        List<String> lines = wrap(label);
        Point2D centre = new Point2D.Double(area.getCenterX(), area.getCenterY());
        Point2D anchor = getWebPoint(area, angle, 1.06);
        double dx = anchor.getX() - centre.getX();
        double dy = anchor.getY() - centre.getY();
        double radius = Math.hypot(dx, dy);
        double height = lines.size() * metrics.getHeight();
        double top = Math.abs(dy) < 0.2 * radius ? anchor.getY() - height / 2
                : dy < 0 ? anchor.getY() - height : anchor.getY();
        Rectangle2D bounds = g2.getClipBounds() != null ? g2.getClipBounds() : area;
        double margin = 4 * scale;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int width = metrics.stringWidth(line);
            double x = Math.abs(dx) < 0.2 * radius ? anchor.getX() - width / 2.0
                    : dx < 0 ? anchor.getX() - width : anchor.getX();
            // never past the picture's edge: a long word is shifted inwards, not cut off
            x = Math.max(bounds.getMinX() + margin, Math.min(x, bounds.getMaxX() - margin - width));
            g2.drawString(line, (float) x, (float) (top + metrics.getAscent() + i * metrics.getHeight()));
        }
    }

    /** Breaks a label into lines of about {@value #WRAP_AT} characters at spaces. */
    static List<String> wrap(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP_AT) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
