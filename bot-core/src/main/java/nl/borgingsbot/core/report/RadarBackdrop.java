package nl.borgingsbot.core.report;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Point2D;

/**
 * Something another feature draws on the radar behind the lines — after the rings, before any
 * series — with its own legend entry after theirs (the national comparison's reference line and band).
 */
public interface RadarBackdrop {

    /** Where things lie on the web being drawn. */
    interface Geometry {

        /** The point of {@code value} (on the 1–5 scale) on axis {@code axis}, in picture coordinates. */
        Point2D at(int axis, double value);

        int axes();

        /** Picture size / {@value RadarChart#MAX_SIZE}: strokes scale with it. */
        double scale();
    }

    void draw(Graphics2D g2, Geometry geometry);

    String legendLabel();

    Paint legendPaint();

    /** The stroke of the legend's sample line at this scale. */
    Stroke legendStroke(double scale);
}
