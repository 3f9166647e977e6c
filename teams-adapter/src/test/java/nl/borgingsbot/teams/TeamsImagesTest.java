package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.RadarStyle;
import nl.borgingsbot.core.report.RadarData;

/** The radar made to fit a Teams request: an indexed-colour PNG, smaller only when needed. */
class TeamsImagesTest {

    static final List<String> AXES = List.of("Cultuur van de organisatie", "Sterk en uniek aanbod",
            "Structurele betrokkenheid", "Samenwerking met partners", "Structuur en systemen",
            "Inzicht in resultaten en effecten", "Structureel communiceren");

    /** The radar of a region with {@code partners} partners, scores spread over the scale, at 1024 px. */
    static byte[] radar(int partners) {
        List<RadarData.Series> series = new ArrayList<>();
        for (int i = 0; i < partners; i++) {
            double[] values = new double[AXES.size()];
            for (int axis = 0; axis < values.length; axis++) {
                values[axis] = 1 + (i * 0.37 + axis * 0.61) % 4;
            }
            series.add(new RadarData.Series("Organisatie " + (i + 1) + " (partner)", values));
        }
        double[] mean = new double[AXES.size()];
        java.util.Arrays.fill(mean, 3);
        return new RadarChart().renderPng(new RadarData("Borgingscheck Noord — ronde 1", AXES, series,
                new RadarData.Series("Gemiddelde", mean)), 1024);
    }

    @Test
    void theRadarOfTwentyFivePartnersAsTheCoreDrawsItTravelsInlineAsItIs() {
        byte[] png = radar(25);
        System.out.printf("radar of 25 partners at 1024 px: %d KB (base64 %d KB)%n", png.length / 1024,
                png.length * 4 / 3 / 1024);
        assertThat(png.length).isLessThanOrEqualTo(TeamsGateway.INLINE_IMAGE_LIMIT);
        assertThat(TeamsImages.fit(png, TeamsGateway.INLINE_IMAGE_LIMIT)).hasValue(png);
    }

    @Test
    void aChartTooLargeForTheLimitComesSmallerAndStillShowsEveryPartnersColour() throws IOException {
        byte[] png = radar(25);
        byte[] fitted = TeamsImages.fit(png, png.length * 2 / 3).orElseThrow();
        assertThat(fitted.length).isLessThanOrEqualTo(png.length * 2 / 3);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fitted));
        assertThat(image.getWidth()).isLessThan(1024);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        java.util.Map<Integer, Long> counts = java.util.Arrays.stream(pixels).boxed()
                .collect(java.util.stream.Collectors.groupingBy(p -> p & 0xFFFFFF, java.util.stream.Collectors.counting()));
        for (int i = 0; i < 8; i++) {
            int colour = RadarStyle.of(i).colour().getRGB() & 0xFFFFFF;
            assertThat(counts.getOrDefault(colour, 0L)).as("pixels of partner colour %d", i).isGreaterThan(10);
        }
    }

    @Test
    void aSmallPngIsLeftAloneAndOneThatCannotFitIsNotMadeUp() {
        byte[] png = radar(3);
        assertThat(TeamsImages.fit(png, png.length)).hasValue(png);
        assertThat(TeamsImages.fit(png, 100)).isEmpty();
    }
}
