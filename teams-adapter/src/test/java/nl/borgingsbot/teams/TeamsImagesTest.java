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
    void theRadarOfTwentyFivePartnersFitsInAnIndexedPngThatKeepsEveryPartnersColour() throws IOException {
        byte[] png = radar(25);
        assertThat(png.length * 4 / 3).as("the RGB PNG as base64").isGreaterThan(FakeBotConnector.MAX_REQUEST);
        byte[] fitted = TeamsImages.fit(png, TeamsGateway.INLINE_IMAGE_LIMIT).orElseThrow();
        System.out.printf("radar of 25 partners at 1024 px: RGB PNG %d KB, as Teams gets it %d KB (base64 %d KB)%n",
                png.length / 1024, fitted.length / 1024, fitted.length * 4 / 3 / 1024);
        assertThat(fitted.length).isLessThanOrEqualTo(TeamsGateway.INLINE_IMAGE_LIMIT);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fitted));
        assertThat(image.getWidth()).isEqualTo(1024);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        java.util.Map<Integer, Long> counts = java.util.Arrays.stream(pixels).boxed()
                .collect(java.util.stream.Collectors.groupingBy(p -> p, java.util.stream.Collectors.counting()));
        for (int i = 0; i < RadarChart.PALETTE.size(); i++) {
            assertThat(counts.getOrDefault(RadarChart.PALETTE.get(i).getRGB(), 0L)).as("pixels of partner colour %d", i)
                    .isGreaterThan(30);
        }
    }

    @Test
    void aSmallPngIsLeftAloneAndOneThatCannotFitIsNotMadeUp() {
        byte[] png = radar(3);
        assertThat(TeamsImages.fit(png, png.length)).hasValue(png);
        assertThat(TeamsImages.fit(png, 100)).isEmpty();
    }
}
