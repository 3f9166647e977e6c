package nl.borgingsbot.core.report.bench;

import java.io.IOException;

import org.openjdk.jmh.Main;
import org.openjdk.jmh.runner.RunnerException;

import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.RadarData;

/**
 * Runs the report benchmarks: first prints the machine and the PNG sizes of the benchmark chart
 * (JMH measures time, not bytes), then hands the arguments to JMH's own command line
 * ({@code -h} for its options; a regular expression selects benchmarks). Must run with the test
 * classpath on the command line (JMH forks JVMs with it), see docs/benchmarks.md.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws IOException, RunnerException {
        System.out.printf("machine: %d processors, %s %s (%s), %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
        RadarChart chart = new RadarChart();
        for (int partners : new int[] {5, 15, 25}) {
            RadarData data = RadarBenchmark.region(partners);
            System.out.printf("radar PNG, 7 axes x %d partners at %d px: pngencoder %,d bytes, ImageIO %,d bytes%n",
                    partners, RadarChart.MAX_SIZE, chart.renderPng(data, RadarChart.MAX_SIZE).length,
                    RadarBenchmark.imageIoPng(chart.render(data, RadarChart.MAX_SIZE)).length);
        }
        Main.main(args);
    }
}
