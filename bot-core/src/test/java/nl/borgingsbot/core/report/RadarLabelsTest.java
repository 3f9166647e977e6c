package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Labels around the web: inside the picture, clear of the web and of each other. */
class RadarLabelsTest {

    /** The cooperation tool's 18 labels, the longest real set. */
    private static final List<String> COOPERATION = List.of("Ambitie: uitgesproken", "Ambitie: prikkelend",
            "Ambitie: bijstellen", "Ambitie: achterban", "Belangen: interesse", "Belangen: halen en brengen",
            "Relatie: groepsprocessen", "Relatie: vertrouwen", "Relatie: conflicten", "Organisatie: past bij ambitie",
            "Organisatie: duurzaam", "Organisatie: draagvlak", "Organisatie: mandaat", "Proces: rollen en stappen",
            "Proces: fase", "Proces: proces/resultaat", "Proces: evaluatie", "Proces: voortgang");

    static Stream<Arguments> labelSets() {
        return Stream.of(
                Arguments.of(RadarChartTest.AXES, 1024, 24),
                Arguments.of(RadarChartTest.AXES, 400, 10),
                Arguments.of(List.of("Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"), 1024, 24),
                Arguments.of(List.of("Een", "Twee", "Drie"), 600, 14),
                Arguments.of(COOPERATION, 1024, 17),
                Arguments.of(COOPERATION.subList(0, 12), 800, 16));
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @MethodSource("labelSets")
    void labelsStayInsideTheAreaOffTheWebAndApart(List<String> labels, int size, int fontSize) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics metrics = g2.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
        double gap = 10.0 * size / 1024;
        RadarLabels layout = new RadarLabels(metrics, labels.size() <= 8 ? 16 : 14, gap);
        double[] angles = new double[labels.size()];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = 90 - i * 360.0 / angles.length;
        }
        Rectangle2D area = new Rectangle2D.Double(0, 0, size, size * 0.8);
        double radius = layout.maxRadius(labels, angles, area.getWidth(), area.getHeight());
        Rectangle2D web = new Rectangle2D.Double(area.getCenterX() - radius, area.getCenterY() - radius,
                2 * radius, 2 * radius);

        List<RadarLabels.Placed> placed = layout.place(labels, angles, web, area);

        assertThat(radius).as("the web keeps a fair share of the picture").isGreaterThan(size * 0.2);
        assertThat(placed).hasSize(labels.size());
        for (int i = 0; i < placed.size(); i++) {
            Rectangle2D box = placed.get(i).box();
            assertThat(area.contains(box)).as("label %d inside the area", i).isTrue();
            // the outer ring lies inside the circle of the web's radius
            assertThat(distanceFromCentre(box, web)).as("label %d clear of the outer ring", i)
                    .isGreaterThanOrEqualTo(radius + gap / 2);
            for (int j = 0; j < i; j++) {
                assertThat(box.intersects(placed.get(j).box())).as("labels %d and %d overlap", j, i).isFalse();
            }
        }
    }

    /** The distance from the web's centre to the nearest point of a box. */
    private static double distanceFromCentre(Rectangle2D box, Rectangle2D web) {
        double x = Math.max(box.getMinX(), Math.min(web.getCenterX(), box.getMaxX()));
        double y = Math.max(box.getMinY(), Math.min(web.getCenterY(), box.getMaxY()));
        return Math.hypot(x - web.getCenterX(), y - web.getCenterY());
    }

    static Stream<Arguments> wrapping() {
        return Stream.of(
                Arguments.of("Inzicht in resultaten en effecten", 16,
                        List.of("Inzicht in", "resultaten en", "effecten")),
                Arguments.of("Proces", 16, List.of("Proces")),
                Arguments.of("Structurele betrokkenheid", 16, List.of("Structurele", "betrokkenheid")),
                Arguments.of("  Sterk   en uniek aanbod ", 16, List.of("Sterk en uniek", "aanbod")),
                Arguments.of("Samenwerkingsverbanden", 8, List.of("Samenwerkingsverbanden")));
    }

    @ParameterizedTest(name = "\"{0}\" at {1}")
    @MethodSource("wrapping")
    void longLabelsAreWrappedAtSpaces(String label, int wrapAt, List<String> lines) {
        assertThat(RadarLabels.wrap(label, wrapAt)).containsExactlyElementsOf(lines);
    }
}
