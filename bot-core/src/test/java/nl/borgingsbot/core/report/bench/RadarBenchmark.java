package nl.borgingsbot.core.report.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.RadarData;

/**
 * The radar of a large region (7 axes × 15 partners) at 1024 px: drawing alone, drawing plus
 * pngencoder (what the bot does), and drawing plus the JDK's ImageIO PNG writer (the plain way).
 * Not a unit test: run it with {@link Benchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class RadarBenchmark {

    static final List<String> AXES = List.of("Cultuur van de organisatie", "Sterk en uniek aanbod",
            "Structurele betrokkenheid", "Samenwerking met partners", "Structuur en systemen",
            "Inzicht in resultaten en effecten", "Structureel communiceren");

    private final RadarChart chart = new RadarChart();
    private RadarData data;

    @Setup
    public void setUp() {
        data = largeRegion();
    }

    /** 15 partners with scores spread over 1..5 (seeded, so every run draws the same chart), and their mean. */
    static RadarData largeRegion() {
        return region(15);
    }

    /** {@code count} partners with seeded random scores 1..5 and their mean. */
    static RadarData region(int count) {
        Random random = new Random(2026);
        List<RadarData.Series> partners = new ArrayList<>();
        double[] mean = new double[AXES.size()];
        for (int i = 0; i < count; i++) {
            double[] values = new double[AXES.size()];
            for (int axis = 0; axis < values.length; axis++) {
                values[axis] = 1 + random.nextInt(5);
                mean[axis] += values[axis] / count;
            }
            partners.add(new RadarData.Series("Organisatie " + (i + 1), values));
        }
        return new RadarData("Borging regio Rivierenland — ronde 4",
                "Gesloten op 16 maart 2026 · " + count + " van " + count + " partners", AXES, partners,
                new RadarData.Series("Gemiddelde regio", mean));
    }

    /** What {@link #drawAndImageIo} does, for one chart. */
    static byte[] imageIoPng(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    @Benchmark
    public Object drawOnly() {
        return chart.render(data, RadarChart.MAX_SIZE);
    }

    @Benchmark
    public byte[] drawAndPngEncoder() {
        return chart.renderPng(data, RadarChart.MAX_SIZE);
    }

    @Benchmark
    public byte[] drawAndImageIo() throws IOException {
        return imageIoPng(chart.render(data, RadarChart.MAX_SIZE));
    }
}
