package nl.borgingsbot.core.report;

import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the element labels around the radar web: wrapped at spaces, just outside the outer ring
 * on the side their axis points to, inside the picture, and not on top of each other.
 *
 * <p>Each label box touches its anchor, a point {@code gap} beyond the outer ring on its axis:
 * above it for the top axis, right of it for an axis pointing right, and sliding along the box's
 * edge in between, so the box never reaches back over the ring. {@link #maxRadius} says how large
 * the web may be for all labels to fit; a label that would overlap one placed before it (many axes,
 * e.g. the 18 of the cooperation tool) is moved outwards along its axis until it is free.
 */
final class RadarLabels {

    /** One label: its lines and the box they fill (top-left origin, screen coordinates). */
    record Placed(List<String> lines, Rectangle2D box) {
    }

    private final FontMetrics metrics;
    private final int wrapAt;
    private final double gap;

    /**
     * @param metrics the label font's metrics
     * @param wrapAt  wrap lines at about this many characters
     * @param gap     pixels between the outer ring and the nearest edge of a label
     */
    RadarLabels(FontMetrics metrics, int wrapAt, double gap) {
        this.metrics = metrics;
        this.wrapAt = wrapAt;
        this.gap = gap;
    }

    /**
     * The largest web radius for which every label, at its place just outside the ring, fits in
     * an area of {@code width} × {@code height} with the web in its centre.
     */
    double maxRadius(List<String> labels, double[] angles, double width, double height) {
        double radius = Math.min(width, height) / 2;
        for (int i = 0; i < labels.size(); i++) {
            List<String> lines = wrap(labels.get(i), wrapAt);
            double[] size = size(lines);
            double dx = dx(angles[i]);
            double dy = dy(angles[i]);
            double fx = fraction(dx);
            double fy = fraction(dy);
            if (Math.abs(dx) > 1e-6) {
                double outwards = size[0] * (dx > 0 ? 1 - fx : fx);
                radius = Math.min(radius, (width / 2 - outwards) / Math.abs(dx) - gap);
            }
            if (Math.abs(dy) > 1e-6) {
                double outwards = size[1] * (dy > 0 ? 1 - fy : fy);
                radius = Math.min(radius, (height / 2 - outwards) / Math.abs(dy) - gap);
            }
        }
        return Math.max(0, radius);
    }

    /**
     * @param labels the labels in axis order
     * @param angles each axis' angle in degrees, counter-clockwise from three o'clock
     * @param web    the square the web's outer ring touches
     * @param bounds the area labels must stay inside
     */
    List<Placed> place(List<String> labels, double[] angles, Rectangle2D web, Rectangle2D bounds) {
        List<Placed> placed = new ArrayList<>();
        double radius = web.getWidth() / 2;
        double step = Math.max(1, gap / 2);
        for (int i = 0; i < labels.size(); i++) {
            List<String> lines = wrap(labels.get(i), wrapAt);
            double[] size = size(lines);
            Rectangle2D box = null;
            for (double push = 0; push <= radius / 3; push += step) {
                box = box(web, angles[i], radius + gap + push, size[0], size[1], bounds);
                if (free(box, placed)) {
                    break;
                }
            }
            placed.add(new Placed(lines, box));
        }
        return placed;
    }

    private double[] size(List<String> lines) {
        return new double[] {lines.stream().mapToInt(metrics::stringWidth).max().orElse(0),
                lines.size() * metrics.getHeight()};
    }

    private static Rectangle2D box(Rectangle2D web, double angle, double distance, double width, double height,
                                   Rectangle2D bounds) {
        double dx = dx(angle);
        double dy = dy(angle);
        double x = web.getCenterX() + dx * distance - width * fraction(dx);
        double y = web.getCenterY() + dy * distance - height * fraction(dy);
        x = Math.max(bounds.getMinX(), Math.min(x, bounds.getMaxX() - width));
        y = Math.max(bounds.getMinY(), Math.min(y, bounds.getMaxY() - height));
        return new Rectangle2D.Double(x, y, width, height);
    }

    private static double dx(double angle) {
        return Math.cos(Math.toRadians(angle));
    }

    /** Screen coordinates: y grows downwards. */
    private static double dy(double angle) {
        return -Math.sin(Math.toRadians(angle));
    }

    /**
     * How much of the box lies before the anchor along one coordinate: 0 when the axis points
     * clearly along it (the box starts at the anchor), 1 when clearly against it, ½ across. As
     * {@code |dx| < ⅓} and {@code |dy| < ⅓} never hold together, one of the two is always 0 or 1:
     * the anchor is on the box's edge, never inside it.
     */
    private static double fraction(double direction) {
        return Math.max(0, Math.min(1, (1 - 3 * direction) / 2));
    }

    private boolean free(Rectangle2D box, List<Placed> placed) {
        double padding = gap / 2;
        Rectangle2D padded = new Rectangle2D.Double(box.getX() - padding, box.getY() - padding,
                box.getWidth() + 2 * padding, box.getHeight() + 2 * padding);
        return placed.stream().noneMatch(p -> p.box().intersects(padded));
    }

    /** Breaks a label into lines of about {@code wrapAt} characters at spaces; a longer word stays whole. */
    static List<String> wrap(String label, int wrapAt) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > wrapAt) {
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
