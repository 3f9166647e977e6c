package nl.borgingsbot.slack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Small helpers for the benchmark mains: percentiles, durations and the machine's load. */
public final class BenchStats {

    private BenchStats() {
    }

    /** Sorted copy of values. */
    public static long[] sorted(Collection<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** The nearest-rank percentile of sorted values; -1 when there are none. */
    public static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Milliseconds from nanoseconds, or "—" for a negative value (none measured). */
    public static String ms(long nanos) {
        return nanos < 0 ? "—" : String.format(Locale.ROOT, nanos >= 10_000_000_000L ? "%.1f s" : "%.0f ms",
                nanos >= 10_000_000_000L ? nanos / 1e9 : nanos / 1e6);
    }

    /** Seconds with one decimal. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** "p50 … p99 … max … (n)" of nanosecond latencies. */
    public static String latencies(Collection<Long> nanos) {
        long[] s = sorted(nanos);
        return "p50 " + ms(percentile(s, 0.50)) + ", p99 " + ms(percentile(s, 0.99)) + ", max "
                + ms(s.length == 0 ? -1 : s[s.length - 1]) + " (" + s.length + " samples)";
    }

    /** The 1/5/15-minute load average, as uptime prints it. */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
