package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The radar as a person would check it, on the decoded PNG: its size, the rings of the fixed 1–5
 * scale where they belong, each value at its own ring, every partner's line and the mean in the
 * picture, and a gap where a value is missing. Pixels are sampled at positions computed from the
 * web's square, which {@link RadarChart#draw} reports; no golden images.
 */
class RadarChartTest {

    static final List<String> AXES = List.of("Cultuur van de organisatie", "Sterk en uniek aanbod",
            "Structurele betrokkenheid", "Samenwerking met partners", "Structuur en systemen",
            "Inzicht in resultaten en effecten", "Structureel communiceren");

    private final RadarChart chart = new RadarChart();

    private static double[] all(double value) {
        double[] values = new double[AXES.size()];
        Arrays.fill(values, value);
        return values;
    }

    private static RadarData data(List<RadarData.Series> partners, double[] mean) {
        return new RadarData("Regio Noord — ronde 3", AXES, partners, new RadarData.Series("Gemiddelde", mean));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    /** Where a value lies on an axis (axis 0 points up, the others follow clockwise). */
    private static Point2D at(Rectangle2D web, int axis, double value) {
        double angle = Math.toRadians(90 - axis * 360.0 / AXES.size());
        double length = value / 5 * web.getWidth() / 2;
        return new Point2D.Double(web.getCenterX() + Math.cos(angle) * length,
                web.getCenterY() - Math.sin(angle) * length);
    }

    /** Halfway between the points of two neighbouring axes: on a ring or line, off every axis. */
    private static Point2D between(Rectangle2D web, int axis, double value) {
        Point2D a = at(web, axis, value);
        Point2D b = at(web, (axis + 1) % AXES.size(), value);
        return new Point2D.Double((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2);
    }

    /**
     * Whether a pixel within one pixel of {@code point} is {@code colour} drawn over the white
     * background, at least half covering it (anti-aliased edges are blends with white).
     */
    private static boolean drawnNear(BufferedImage image, Point2D point, Color colour) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (blendOverWhite(image.getRGB((int) point.getX() + dx, (int) point.getY() + dy), colour) >= 0.5) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How much of {@code colour} over white this pixel is (0 to 1), or -1 when it is no such blend. */
    private static double blendOverWhite(int rgb, Color colour) {
        int[] pixel = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        int[] ink = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        int widest = 0;
        for (int c = 1; c < 3; c++) {
            widest = 255 - ink[c] > 255 - ink[widest] ? c : widest;
        }
        double t = (255 - pixel[widest]) / (double) (255 - ink[widest]);
        for (int c = 0; c < 3; c++) {
            if (Math.abs(255 - t * (255 - ink[c]) - pixel[c]) > 8) {
                return -1;
            }
        }
        return t;
    }

    private static boolean isBackground(BufferedImage image, Point2D point) {
        return (image.getRGB((int) point.getX(), (int) point.getY()) & 0xFFFFFF) == 0xFFFFFF;
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

    @ParameterizedTest(name = "asked {0} px")
    @ValueSource(ints = {1024, 600, 4000, 50})
    void aSquarePngClampedToTheAllowedSizes(int asked) throws IOException {
        BufferedImage image = decode(chart.renderPng(data(List.of(), all(3)), asked));

        int expected = Math.max(RadarChart.MIN_SIZE, Math.min(RadarChart.MAX_SIZE, asked));
        assertThat(image.getWidth()).isEqualTo(expected);
        assertThat(image.getHeight()).isEqualTo(expected);
    }

    @Test
    void theRingsOneToFiveAreDrawnAndNothingBetweenThem() throws IOException {
        RadarChart.Drawing drawing = chart.draw(data(List.of(), all(Double.NaN)), 1024);
        BufferedImage image = decode(chart.renderPng(data(List.of(), all(Double.NaN)), 1024));

        for (int axis = 0; axis < AXES.size(); axis++) {
            for (int ring = 1; ring <= 5; ring++) {
                assertThat(drawnNear(image, between(drawing.web(), axis, ring), RadarChart.RING))
                        .as("ring %d between axes %d and %d", ring, axis, axis + 1).isTrue();
                assertThat(isBackground(image, between(drawing.web(), axis, ring - 0.5)))
                        .as("no ring at %.1f", ring - 0.5).isTrue();
            }
            assertThat(isBackground(image, between(drawing.web(), axis, 5.5))).as("nothing beyond 5").isTrue();
        }
    }

    @Test
    void everyValueSitsOnItsOwnRingWhateverTheHighestValue() throws IOException {
        // the highest value is 4: an auto-scaled chart would put it on the outer ring
        double[] values = {1, 2, 3, 4, 4, 2.5, 1.5};
        RadarData data = data(List.of(new RadarData.Series("Gemeente", values)), all(Double.NaN));
        Rectangle2D web = chart.draw(data, 1024).web();
        BufferedImage image = decode(chart.renderPng(data, 1024));

        Color partner = RadarChart.PALETTE.get(0);
        for (int axis = 0; axis < values.length; axis++) {
            assertThat(drawnNear(image, at(web, axis, values[axis]), partner)).as("axis %d at %s", axis, values[axis])
                    .isTrue();
            assertThat(drawnNear(image, at(web, axis, values[axis] + 0.5), partner)).as("axis %d past its value", axis)
                    .isFalse();
        }
    }

    /** 15 partners whose scores differ from partner to partner. */
    private static List<RadarData.Series> many(int count) {
        List<RadarData.Series> partners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] values = new double[AXES.size()];
            for (int axis = 0; axis < values.length; axis++) {
                values[axis] = 1 + (i * 0.27 + axis * 0.61) % 4;
            }
            partners.add(new RadarData.Series("Partner " + (char) ('A' + i), values));
        }
        return partners;
    }

    /**
     * How many pixels inside the web's square are {@code colour} drawn at half opacity over the
     * white background or over the min–max band.
     */
    private static int countHalf(BufferedImage image, Rectangle2D web, Color colour) {
        Color white = Color.WHITE;
        double a = RadarChart.BAND.getAlpha() / 255.0;
        Color band = new Color((int) Math.round(255 * (1 - a) + RadarChart.BAND.getRed() * a),
                (int) Math.round(255 * (1 - a) + RadarChart.BAND.getGreen() * a),
                (int) Math.round(255 * (1 - a) + RadarChart.BAND.getBlue() * a));
        int count = 0;
        for (int y = (int) web.getMinY(); y < web.getMaxY(); y++) {
            for (int x = (int) web.getMinX(); x < web.getMaxX(); x++) {
                int rgb = image.getRGB(x, y);
                if (isHalfOver(rgb, colour, white) || isHalfOver(rgb, colour, band)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean isHalfOver(int rgb, Color colour, Color background) {
        int[] pixel = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        int[] ink = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        int[] under = {background.getRed(), background.getGreen(), background.getBlue()};
        for (int c = 0; c < 3; c++) {
            if (Math.abs((ink[c] + under[c]) / 2.0 - pixel[c]) > 5) {
                return false;
            }
        }
        return true;
    }

    /** Pixels of exactly {@code colour} inside the web's square. */
    private static int countIn(BufferedImage image, Rectangle2D web, Color colour) {
        return count(image.getSubimage((int) web.getMinX(), (int) web.getMinY(), (int) web.getWidth(),
                (int) web.getHeight()), colour);
    }

    @Test
    void everyPartnersLineAndTheMeanAreDrawnForFifteenPartners() throws IOException {
        RadarData data = data(many(15), all(3));
        Rectangle2D web = chart.draw(data, 1024).web();

        byte[] png = chart.renderPng(data, 1024);
        BufferedImage image = decode(png);

        for (int i = 0; i < 15; i++) {
            assertThat(countHalf(image, web, RadarStyle.of(i).colour())).as("half-transparent pixels of partner " + i)
                    .isGreaterThan(30);
            assertThat(countIn(image, web, RadarStyle.of(i).colour())).as("opaque pixels of partner " + i)
                    .isLessThan(10);
        }
        assertThat(count(image, RadarChart.MEAN)).isGreaterThan(500);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "radar-15-partners.png"), png);
    }

    /**
     * The demo's round (config/demo/demo-round.yml): Vmbo De Brug's line lay wholly under the
     * others and Technisch College's nearly so. Near each of every partner's points, some pixels
     * must be that partner's colour.
     */
    @Test
    void everyPartnerOfTheDemoIsVisibleWhereScoresCoincide() throws IOException {
        List<RadarData.Series> partners = List.of(
                new RadarData.Series("Vmbo De Brug", new double[] {4, 4, 3, 4, 2, 2, 3}),
                new RadarData.Series("Technisch College Rivierenland", new double[] {3, 4, 3, 4, 2, 2, 3}),
                new RadarData.Series("Installatiebedrijf Smit & Zn", new double[] {3, 4, 3, 5, 1, 2, 3}),
                new RadarData.Series("Basisschool De Regenboog", new double[] {4, 4, 4, 4, 4, 2, 3}),
                new RadarData.Series("Gemeente Rivierstad", new double[] {3, 4, 3, 4, 2, 1, 2}));
        RadarData data = data(partners, new double[] {3.4, 4.0, 3.2, 4.2, 2.2, 1.8, 2.8});
        Rectangle2D web = chart.draw(data, 1024).web();
        byte[] png = chart.renderPng(data, 1024);
        BufferedImage image = decode(png);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "radar-demo.png"), png);

        for (int i = 0; i < partners.size(); i++) {
            Color colour = RadarStyle.of(i).colour();
            assertThat(count(image, colour)).as("pixels of %s", partners.get(i).name()).isGreaterThan(400);
            for (int axis = 0; axis < AXES.size(); axis++) {
                assertThat(countNear(image, at(web, axis, partners.get(i).values()[axis]), 22, colour))
                        .as("%s on axis %d", partners.get(i).name(), axis).isGreaterThan(8);
            }
        }
    }

    /** Pixels of exactly {@code colour} within {@code radius} of a point. */
    private static int countNear(BufferedImage image, Point2D point, int radius, Color colour) {
        int count = 0;
        for (int y = (int) point.getY() - radius; y <= point.getY() + radius; y++) {
            for (int x = (int) point.getX() - radius; x <= point.getX() + radius; x++) {
                if (point.distance(x, y) <= radius && (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void noTwoOfTwentyFivePartnersShareColourAndMarker() throws IOException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            RadarStyle style = RadarStyle.of(i);
            assertThat(seen.add(style.colour() + "/" + style.marker())).as("partner %d: %s", i, style).isTrue();
        }
        assertThat(RadarStyle.PALETTE).doesNotHaveDuplicates().doesNotContain(RadarChart.MEAN);

        RadarData data = data(many(25), all(3));
        Rectangle2D web = chart.draw(data, 1024).web();
        byte[] png = chart.renderPng(data, 1024);
        BufferedImage image = decode(png);
        for (int colour = 0; colour < RadarStyle.PALETTE.size(); colour++) {
            assertThat(countHalf(image, web, RadarStyle.PALETTE.get(colour))).as("colour %d", colour).isGreaterThan(30);
        }
        Files.write(Path.of("target", "radar-25-partners.png"), png);
        assertThat(png.length).as("small enough for every platform's image limit").isLessThan(150_000);
    }

    @Test
    void fromNinePartnersTheMinToMaxBandIsShadedBehindTheLines() throws IOException {
        List<RadarData.Series> partners = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            partners.add(new RadarData.Series("P" + i, all(i % 2 == 0 ? 1 : 5)));
        }
        RadarData data = data(partners, all(Double.NaN));
        Rectangle2D web = chart.draw(data, 1024).web();
        BufferedImage image = decode(chart.renderPng(data, 1024));

        for (int axis = 0; axis < AXES.size(); axis++) {
            Point2D inside = between(web, axis, 2.5);
            assertThat(blendOverWhite(image.getRGB((int) inside.getX(), (int) inside.getY()), RadarChart.MEAN))
                    .as("band between axes %d and %d", axis, axis + 1).isBetween(0.05, 0.3);
            assertThat(isBackground(image, between(web, axis, 0.5))).as("no band below the lowest").isTrue();
        }
        assertThat(countIn(image, web, RadarStyle.of(0).colour())).as("partner lines half-transparent").isLessThan(10);
    }

    @Test
    void aPartnerOnTheMeansValueIsDrawnBesideTheMeanNotUnderIt() throws IOException {
        RadarData data = data(List.of(new RadarData.Series("Jij", all(3))), all(3));
        Rectangle2D web = chart.draw(data, 600).web();
        byte[] png = chart.renderPng(data, 600);
        Files.write(Path.of("target", "radar-on-the-mean.png"), png);
        BufferedImage image = decode(png);

        int partner = 0;
        for (int y = (int) web.getMinY(); y < web.getMaxY(); y++) {
            for (int x = (int) web.getMinX(); x < web.getMaxX(); x++) {
                partner += blendOverWhite(image.getRGB(x, y), RadarStyle.of(0).colour()) >= 0.6 ? 1 : 0;
            }
        }
        assertThat(partner).isGreaterThan(600);
    }

    @Test
    void theRingNumbersAreDrawnOverLinesAndMarkers() throws IOException {
        // each partner's line runs from ring k on the top axis down to the left, over the number k
        List<RadarData.Series> partners = new ArrayList<>();
        for (int ring = 1; ring <= 5; ring++) {
            double[] values = all(Double.NaN);
            values[0] = ring;
            values[6] = ring;
            partners.add(new RadarData.Series("P" + ring, values));
            partners.add(new RadarData.Series("Q" + ring, values.clone()));
        }
        RadarData data = data(partners, all(Double.NaN));
        Rectangle2D web = chart.draw(data, 1024).web();
        BufferedImage image = decode(chart.renderPng(data, 1024));

        for (int ring = 1; ring <= 5; ring++) {
            Point2D point = at(web, 0, ring);
            int inNumber = 0;
            for (int y = (int) point.getY(); y < point.getY() + 20; y++) {
                for (int x = (int) point.getX() - 22; x < point.getX() - 4; x++) {
                    if ((image.getRGB(x, y) & 0xFFFFFF) == (RingedSpiderWebPlot.RING_NUMBER.getRGB() & 0xFFFFFF)) {
                        inNumber++;
                    }
                }
            }
            assertThat(inNumber).as("pixels of the number %d", ring).isGreaterThan(12);
        }
    }

    @Test
    void partnersOfTheSameOrganisationKeepTheirOwnLines() throws IOException {
        List<RadarData.Series> partners = List.of(new RadarData.Series("Gemeente", all(2)),
                new RadarData.Series("Gemeente", all(4)), new RadarData.Series("Gemiddelde", all(5)));
        BufferedImage image = decode(chart.renderPng(data(partners, all(3)), 1024));

        for (int i = 0; i < partners.size(); i++) {
            assertThat(count(image, RadarChart.PALETTE.get(i))).as("pixels of partner " + i).isGreaterThan(100);
        }
        assertThat(count(image, RadarChart.MEAN)).isGreaterThan(500);
    }

    @Test
    void theMeanIsDrawnOverThePartnersAlongItsWholeLine() throws IOException {
        RadarData data = data(List.of(new RadarData.Series("A", all(3)), new RadarData.Series("B", all(3))), all(3));
        Rectangle2D web = chart.draw(data, 1024).web();
        BufferedImage image = decode(chart.renderPng(data, 1024));

        for (int axis = 0; axis < AXES.size(); axis++) {
            assertThat(drawnNear(image, at(web, axis, 3), RadarChart.MEAN)).as("mean dot on axis %d", axis).isTrue();
        }
    }

    @Test
    void aMissingValueLeavesAGapInsteadOfAChordAcrossItsAxis() throws IOException {
        double[] partial = all(4);
        partial[2] = Double.NaN;
        RadarData data = data(List.of(new RadarData.Series("A", partial)), all(Double.NaN));
        Rectangle2D web = chart.draw(data, 1024).web();
        BufferedImage image = decode(chart.renderPng(data, 1024));
        Color partner = RadarChart.PALETTE.get(0);

        assertThat(drawnNear(image, between(web, 0, 4), partner)).as("line from axis 0 to 1").isTrue();
        assertThat(drawnNear(image, between(web, 3, 4), partner)).as("line from axis 3 to 4").isTrue();
        assertThat(drawnNear(image, between(web, 6, 4), partner)).as("line from axis 6 back to 0").isTrue();
        Point2D a = at(web, 1, 4);
        Point2D b = at(web, 3, 4);
        Point2D chord = new Point2D.Double((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2);
        assertThat(drawnNear(image, chord, partner)).as("no chord from axis 1 to 3").isFalse();
        assertThat(drawnNear(image, at(web, 2, 4), partner)).as("no dot on axis 2").isFalse();
    }

    @Test
    void nothingAnsweredAtAllStillGivesTheEmptyWeb() throws IOException {
        List<RadarData.Series> partners = List.of(new RadarData.Series("A", all(Double.NaN)),
                new RadarData.Series("B", new double[0]));
        RadarData data = data(partners, all(Double.NaN));
        Rectangle2D web = chart.draw(data, 800).web();

        BufferedImage image = decode(chart.renderPng(data, 800));

        assertThat(web.getWidth()).isGreaterThan(300);
        assertThat(drawnNear(image, between(web, 0, 5), RadarChart.RING)).isTrue();
    }

    @Test
    void manyAxesAndSmallSizesRender() throws IOException {
        List<String> axes = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            axes.add("Organisatie: element nummer " + i);
        }
        double[] values = new double[18];
        Arrays.fill(values, 2);
        RadarData data = new RadarData("Samenwerking", axes, List.of(new RadarData.Series("A", values)),
                new RadarData.Series("Gemiddelde", values));

        assertThat(decode(chart.renderPng(data, 300)).getWidth()).isEqualTo(300);
        assertThat(chart.draw(data, 1024).web().getWidth()).as("room left for the web").isGreaterThan(350);
    }
}
