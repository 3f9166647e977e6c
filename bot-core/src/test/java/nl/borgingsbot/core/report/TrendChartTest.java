package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final TrendChart.Data DATA = new TrendChart.Data("Verloop regio Noord",
            List.of("Ronde 1", "Ronde 2", "Ronde 3"), List.of("Cultuur", "Aanbod"),
            new double[][] {{2.0, 2.4, 2.6}, {3.9, Double.NaN, 4.1}});

    @Test
    void theScaleIsFixedFromOneToFiveWhateverTheMeans() {
        ValueAxis axis = ((XYPlot) new TrendChart().chart(DATA).getPlot()).getRangeAxis();

        assertThat(axis.getLowerBound()).isEqualTo(1.0);
        assertThat(axis.getUpperBound()).isEqualTo(5.0);
        assertThat(axis.isAutoRange()).isFalse();
    }

    @Test
    void aPngWithALinePerElement() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new TrendChart().renderPng(DATA)));

        assertThat(image.getWidth()).isEqualTo(TrendChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TrendChart.HEIGHT);
        for (int element = 0; element < 2; element++) {
            int colour = RadarChart.PALETTE.get(element).getRGB() & 0xFFFFFF;
            int pixels = 0;
            for (int y = 0; y < image.getHeight() * 8 / 10; y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    pixels += (image.getRGB(x, y) & 0xFFFFFF) == colour ? 1 : 0;
                }
            }
            assertThat(pixels).as("pixels of element " + element).isGreaterThan(200);
        }
    }

    private static int pixels(BufferedImage image, int rgb) {
        int pixels = 0;
        for (int y = 0; y < image.getHeight() * 8 / 10; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels += (image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? 1 : 0;
            }
        }
        return pixels;
    }

    @Test
    void coincidingLinesStayVisibleTheAxisIsLabelledAndTheLastValuesStandAtTheLinesEnds() throws Exception {
        TrendChart.Data data = new TrendChart.Data("Verloop regio Noord", List.of("Ronde 1", "Ronde 2", "Ronde 3"),
                List.of("Cultuur", "Aanbod", "Inzicht"),
                new double[][] {{2.0, 2.4, 2.6}, {2.0, 2.4, 2.6}, {3.0, 3.2, 4.1}}, "Gemiddelde score", Locale.forLanguageTag("nl"));
        JFreeChart chart = new TrendChart().chart(data);
        XYPlot plot = (XYPlot) chart.getPlot();

        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Gemiddelde score");
        assertThat(plot.getAnnotations()).extracting(a -> ((XYTextAnnotation) a).getText())
                .containsExactlyInAnyOrder("2,6", "4,1");
        assertThat(chart.getTitle().getMargin().getTop()).as("room above the title").isGreaterThan(10);
        assertThat(chart.getLegend().getItemLabelPadding().getRight()).as("room between legend entries").isGreaterThan(10);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(new TrendChart().renderPng(data)));
        for (int element = 0; element < 2; element++) {
            assertThat(pixels(image, RadarStyle.of(element).colour().getRGB())).as("element %d", element).isGreaterThan(200);
        }
        assertThat(TrendChart.spread(data, 0, 1)).isNotEqualTo(TrendChart.spread(data, 1, 1));
        assertThat(TrendChart.spread(data, 2, 1)).isZero();
    }
}
