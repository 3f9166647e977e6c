package nl.borgingsbot.core.national;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

import nl.borgingsbot.core.report.RadarBackdrop;

/**
 * The national picture on a radar, behind the region's lines: the band from the 25th to the 75th
 * percentile shaded, and (for a region's report) the national mean as a grey line. An element no
 * region scored leaves a gap in the line and no band.
 */
public final class NationalRadarLayer implements RadarBackdrop {

    /** The reference line: a grey no text or ring is drawn in (the tests look for it). */
    public static final Color LINE = new Color(0x80, 0x86, 0x8F);
    /** The band: the same grey, translucent, so rings and axes show through. */
    public static final Color BAND = new Color(0x80, 0x86, 0x8F, 0x40);

    private final String legend;
    private final double[] mean;
    private final double[] p25;
    private final double[] p75;
    private final boolean line;

    private NationalRadarLayer(String legend, double[] mean, double[] p25, double[] p75, boolean line) {
        this.legend = legend;
        this.mean = mean.clone();
        this.p25 = p25.clone();
        this.p75 = p75.clone();
        this.line = line;
    }

    /** The band and the mean as a grey line (in a region's report). */
    public static NationalRadarLayer withLine(String legend, double[] mean, double[] p25, double[] p75) {
        return new NationalRadarLayer(legend, mean, p25, p75, true);
    }

    /** The band only (on the national radar, where the mean is the chart's own mean line). */
    public static NationalRadarLayer bandOnly(String legend, double[] p25, double[] p75) {
        return new NationalRadarLayer(legend, p25, p25, p75, false);
    }

    @Override
    public void draw(Graphics2D g2, Geometry web) {
        int axes = web.axes();
        // each wedge between two neighbouring axes that both have a band, filled as one shape (no seams)
        Area band = new Area();
        for (int axis = 0; axis < axes; axis++) {
            int next = (axis + 1) % axes;
            if (present(p25, axis) && present(p75, axis) && present(p25, next) && present(p75, next)) {
                Path2D wedge = new Path2D.Double();
                moveTo(wedge, web.at(axis, p75[axis]));
                lineTo(wedge, web.at(next, p75[next]));
                lineTo(wedge, web.at(next, p25[next]));
                lineTo(wedge, web.at(axis, p25[axis]));
                wedge.closePath();
                band.add(new Area(wedge));
            }
        }
        g2.setPaint(BAND);
        g2.fill(band);
        if (!line) {
            return;
        }
        g2.setPaint(LINE);
        g2.setStroke(stroke(web.scale()));
        Path2D path = new Path2D.Double();
        for (int axis = 0; axis < axes; axis++) {
            int next = (axis + 1) % axes;
            if (present(mean, axis) && present(mean, next)) {
                moveTo(path, web.at(axis, mean[axis]));
                lineTo(path, web.at(next, mean[next]));
            }
        }
        g2.draw(path);
    }

    @Override
    public String legendLabel() {
        return legend;
    }

    @Override
    public Paint legendPaint() {
        return line ? LINE : BAND;
    }

    @Override
    public Stroke legendStroke(double scale) {
        return line ? stroke(scale) : new BasicStroke((float) (14 * scale));
    }

    private static Stroke stroke(double scale) {
        return new BasicStroke((float) (5 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static boolean present(double[] values, int axis) {
        return axis < values.length && !Double.isNaN(values[axis]);
    }

    private static void moveTo(Path2D path, Point2D point) {
        path.moveTo(point.getX(), point.getY());
    }

    private static void lineTo(Path2D path, Point2D point) {
        path.lineTo(point.getX(), point.getY());
    }
}
