package nl.borgingsbot.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * How each partner's line looks on the radar: a colour, a marker shape and a dash pattern. The
 * colours are safe for colour-blind readers (Okabe–Ito's, without yellow and black, and Paul Tol's
 * wine and olive); as a colour comes back after {@value #COLOURS} partners, the marker shape and
 * the dash change with it, so no two of the first {@value #DISTINCT} partners look alike.
 */
public record RadarStyle(Color colour, Marker marker, Dash dash) {

    /** The partners' colours, in order; the Excel export and the trend chart use them too. */
    public static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xD55E00), new Color(0x56B4E9), new Color(0x882255), new Color(0x999933));
    static final int COLOURS = 8;
    /** Up to this many partners no two share both colour and marker (colours × markers). */
    public static final int DISTINCT = 40;

    /** The style of partner {@code index} (0-based, in legend order). */
    public static RadarStyle of(int index) {
        int colour = index % PALETTE.size();
        int round = index / PALETTE.size();
        Marker[] markers = Marker.values();
        Dash[] dashes = Dash.values();
        return new RadarStyle(PALETTE.get(colour), markers[(colour + round) % markers.length],
                dashes[round % dashes.length]);
    }

    /** A marker shape, centred on the point it marks. */
    public enum Marker {
        CIRCLE, SQUARE, DIAMOND, TRIANGLE_UP, TRIANGLE_DOWN;

        /** The shape about {@code size} pixels across, centred on (0, 0). */
        public Shape shape(double size) {
            double h = size / 2;
            return switch (this) {
                case CIRCLE -> new Ellipse2D.Double(-h, -h, size, size);
                case SQUARE -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
                case DIAMOND -> polygon(0, -h * 1.2, h * 1.2, 0, 0, h * 1.2, -h * 1.2, 0);
                case TRIANGLE_UP -> polygon(0, -h * 1.2, h * 1.1, h * 0.8, -h * 1.1, h * 0.8);
                case TRIANGLE_DOWN -> polygon(0, h * 1.2, h * 1.1, -h * 0.8, -h * 1.1, -h * 0.8);
            };
        }

        private static Shape polygon(double... xy) {
            Path2D path = new Path2D.Double();
            path.moveTo(xy[0], xy[1]);
            for (int i = 2; i < xy.length; i += 2) {
                path.lineTo(xy[i], xy[i + 1]);
            }
            path.closePath();
            return path;
        }
    }

    /** A line's dash pattern. */
    public enum Dash {
        SOLID(), DASHED(10, 5), DOTTED(2.5f, 4), DASH_DOT(12, 4, 2.5f, 4);

        private final float[] pattern;

        Dash(float... pattern) {
            this.pattern = pattern;
        }

        /** A stroke {@code width} wide with this pattern, its dashes scaled by {@code scale}. */
        public BasicStroke stroke(float width, double scale) {
            if (pattern.length == 0) {
                return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            }
            float[] scaled = new float[pattern.length];
            for (int i = 0; i < pattern.length; i++) {
                scaled[i] = (float) Math.max(1, pattern[i] * scale * 2);
            }
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
        }
    }
}
