package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.national.NationalRadarLayer;

/**
 * The national reference on the radar, checked on the pixels at positions computed from the web's
 * square: the grey mean line where the national mean lies, the translucent P25–P75 band between
 * the percentiles (and nowhere outside them), behind the region's own lines, and its legend entry.
 */
class RadarBackdropTest {

    private static final List<String> AXES = RadarChartTest.AXES;
    private static final double P25 = 3.2;
    private static final double MEAN = 3.5;
    private static final double P75 = 3.8;

    private static double[] all(double value) {
        double[] values = new double[AXES.size()];
        Arrays.fill(values, value);
        return values;
    }

    private static RadarData data() {
        return new RadarData("Regio Noord — ronde 3", AXES,
                List.of(new RadarData.Series("Partner A", all(1.5))), new RadarData.Series("Gemiddelde", all(1.5)));
    }

    private static final NationalRadarLayer NATIONAL =
            NationalRadarLayer.withLine("Landelijk (5 regio's)", all(MEAN), all(P25), all(P75));

    /** Halfway between the points of {@code value} on two neighbouring axes: off every axis line. */
    private static Point2D between(Rectangle2D web, int axis, double value) {
        Point2D a = at(web, axis, value);
        Point2D b = at(web, (axis + 1) % AXES.size(), value);
        return new Point2D.Double((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2);
    }

    private static Point2D at(Rectangle2D web, int axis, double value) {
        double angle = Math.toRadians(90 - axis * 360.0 / AXES.size());
        double length = value / 5 * web.getWidth() / 2;
        return new Point2D.Double(web.getCenterX() + Math.cos(angle) * length,
                web.getCenterY() - Math.sin(angle) * length);
    }

    private static int[] rgb(BufferedImage image, Point2D point) {
        int rgb = image.getRGB((int) Math.round(point.getX()), (int) Math.round(point.getY()));
        return new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    /** The band's colour over the white background: source-over with its alpha. */
    private static int[] bandOverWhite() {
        Color band = NationalRadarLayer.BAND;
        double a = band.getAlpha() / 255.0;
        return new int[] {(int) Math.round(255 + (band.getRed() - 255) * a),
                (int) Math.round(255 + (band.getGreen() - 255) * a), (int) Math.round(255 + (band.getBlue() - 255) * a)};
    }

    private static boolean near(int[] actual, int[] expected) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs(actual[c] - expected[c]) > 2) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theNationalMeanIsAGreyLineWithTheBandBetweenTheQuartiles() throws Exception {
        RadarChart.Drawing drawing = new RadarChart().draw(data(), 1024, List.of(NATIONAL));
        BufferedImage image = drawing.image();
        Rectangle2D web = drawing.web();

        int[] line = {NationalRadarLayer.LINE.getRed(), NationalRadarLayer.LINE.getGreen(), NationalRadarLayer.LINE.getBlue()};
        int[] white = {255, 255, 255};
        for (int axis = 0; axis < AXES.size(); axis++) {
            assertThat(rgb(image, between(web, axis, MEAN))).as("the national mean between axes %d and %d", axis, axis + 1)
                    .containsExactly(line);
            assertThat(near(rgb(image, between(web, axis, 3.3)), bandOverWhite()))
                    .as("inside the band between axes %d and %d: %s", axis, axis + 1,
                            Arrays.toString(rgb(image, between(web, axis, 3.3)))).isTrue();
            assertThat(near(rgb(image, between(web, axis, 3.7)), bandOverWhite())).as("band, outer half").isTrue();
            assertThat(rgb(image, between(web, axis, 2.6))).as("below P25: background").containsExactly(white);
            assertThat(rgb(image, between(web, axis, 4.4))).as("above P75: background").containsExactly(white);
        }
    }

    @Test
    void theLegendNamesTheNationalLineAndTheChartWithoutItIsUnchanged() throws Exception {
        RadarChart chart = new RadarChart();
        RadarChart.Drawing with = chart.draw(data(), 1024, List.of(NATIONAL));
        BufferedImage without = ImageIO.read(new ByteArrayInputStream(chart.renderPng(data(), 1024)));

        assertThat(linePixels(with.image(), with.web().getMaxY())).as("the legend's grey sample line").isGreaterThan(20);
        assertThat(linePixels(without, 0)).as("no national line without the backdrop").isZero();
    }

    private static int linePixels(BufferedImage image, double belowY) {
        int count = 0;
        for (int y = (int) belowY + 1; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (NationalRadarLayer.LINE.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
