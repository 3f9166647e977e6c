package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The radar as a person would check it: it decodes, has the right size, the scale is fixed
 * (values of 5 reach the outer ring, values of 1 a fifth of it), the rings are drawn, and every
 * partner's line and the mean are actually in the picture.
 */
class RadarChartTest {

    private static final List<String> AXES = List.of("Cultuur van de organisatie", "Sterk en uniek aanbod",
            "Structurele betrokkenheid", "Samenwerking met partners", "Structuur en systemen",
            "Inzicht in resultaten en effecten", "Structureel communiceren");

    private final RadarChart chart = new RadarChart();

    private static double[] all(double value) {
        double[] values = new double[AXES.size()];
        Arrays.fill(values, value);
        return values;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /**
     * The smallest rectangle holding every pixel of exactly this colour above the legend (the
     * bottom tenth, where the legend repeats the colours); null when there is none.
     */
    private static Rectangle boundsOf(BufferedImage image, Color colour) {
        Rectangle bounds = null;
        for (int y = 0; y < image.getHeight() * 9 / 10; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    bounds = bounds == null ? new Rectangle(x, y, 1, 1) : bounds.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return bounds;
    }

    private static int count(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void aPngOfAtMost1024PixelsSquare() throws IOException {
        RadarData data = new RadarData("Regio Noord — ronde 1", AXES, List.of(), new RadarData.Series("Gemiddelde", all(3)));

        BufferedImage full = decode(chart.renderPng(data, 1024));
        BufferedImage tooBig = decode(chart.renderPng(data, 4000));
        BufferedImage small = decode(chart.renderPng(data, 600));

        assertThat(full.getWidth()).isEqualTo(1024);
        assertThat(full.getHeight()).isEqualTo(1024);
        assertThat(tooBig.getWidth()).isEqualTo(RadarChart.MAX_SIZE);
        assertThat(small.getWidth()).isEqualTo(600);
    }

    @Test
    void theScaleIsFixedFromOneToFiveAndNeverAutoScaled() throws IOException {
        Rectangle fives = boundsOf(decode(chart.renderPng(
                new RadarData("t", AXES, List.of(), new RadarData.Series("m", all(5))), 1024)), RadarChart.MEAN);
        BufferedImage onesImage = decode(chart.renderPng(
                new RadarData("t", AXES, List.of(), new RadarData.Series("m", all(1))), 1024));
        Rectangle ones = boundsOf(onesImage, RadarChart.MEAN);
        Rectangle rings = boundsOf(onesImage, RadarChart.RING);

        // an auto-scaled chart would draw both at full size; ours keeps 1 at a fifth of 5
        // (the mean's thick stroke adds a few pixels to both)
        assertThat((double) fives.height / ones.height).isBetween(3.5, 5.5);
        // the outer ring is where the values of 5 are (the mean line and its dots are a little wider;
        // a ring at 4 would be 120 px smaller)
        assertThat(rings.height).isCloseTo(fives.height, org.assertj.core.data.Offset.offset(30));
        assertThat(rings.width).isCloseTo(fives.width, org.assertj.core.data.Offset.offset(30));
    }

    @Test
    void everyPartnersLineAndTheMeanAreDrawn() throws IOException {
        List<RadarData.Series> partners = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            double[] values = new double[AXES.size()];
            for (int axis = 0; axis < values.length; axis++) {
                values[axis] = 1 + (i * 0.27 + axis * 0.61) % 4;
            }
            partners.add(new RadarData.Series("Partner " + (char) ('A' + i), values));
        }
        RadarData data = new RadarData("Regio Noord — ronde 3", AXES, partners, new RadarData.Series("Gemiddelde", all(3)));

        BufferedImage image = decode(chart.renderPng(data, 1024));

        for (int i = 0; i < 15; i++) {
            assertThat(count(image, RadarChart.PALETTE.get(i))).as("pixels of partner " + i).isGreaterThan(30);
        }
        assertThat(count(image, RadarChart.MEAN)).isGreaterThan(500);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "radar-15-partners.png"), chart.renderPng(data, 1024));
    }

    @Test
    void anUnansweredElementLeavesAGapInsteadOfFailing() throws IOException {
        double[] partial = all(4);
        partial[2] = Double.NaN;
        RadarData data = new RadarData("t", AXES, List.of(new RadarData.Series("A", partial)),
                new RadarData.Series("m", partial));

        assertThat(decode(chart.renderPng(data, 800)).getWidth()).isEqualTo(800);
    }

    @Test
    void longLabelsAreWrappedAtSpaces() {
        assertThat(RingedSpiderWebPlot.wrap("Inzicht in resultaten en effecten"))
                .containsExactly("Inzicht in", "resultaten en", "effecten");
        assertThat(RingedSpiderWebPlot.wrap("Proces")).containsExactly("Proces");
    }
}
