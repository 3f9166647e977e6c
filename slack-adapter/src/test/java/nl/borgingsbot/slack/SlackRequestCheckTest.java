package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.slack.testing.SlackSigner;

/** The signature check over the raw bytes, and how refusals are logged. */
class SlackRequestCheckTest {

    private static final String SECRET = "check-test-secret";
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SlackRequestCheck check = new SlackRequestCheck(Optional.of(SECRET), clock);

    private Map<String, List<String>> headers(long timestamp, String signature) {
        // header names as the JDK's HttpServer gives them (only the first letter upper case)
        return Map.of("X-slack-request-timestamp", List.of(String.valueOf(timestamp)),
                "X-slack-signature", List.of(signature));
    }

    @Test
    void aBodyWithRawUtf8SignedBySlackIsAccepted() {
        byte[] body = "{\"text\":\"één doorlopende leerlijn\"}".getBytes(StandardCharsets.UTF_8);
        long ts = now.getEpochSecond();
        assertThat(check.refusal(headers(ts, SlackSigner.sign(SECRET, ts, body)), body)).isEmpty();
    }

    @Test
    void aWrongSignatureAStaleOrMissingTimestampIsRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long ts = now.getEpochSecond();
        assertThat(check.refusal(headers(ts, SlackSigner.sign("other", ts, body)), body)).get().asString()
                .contains("signature does not match");
        long stale = now.minus(Duration.ofMinutes(6)).getEpochSecond();
        assertThat(check.refusal(headers(stale, SlackSigner.sign(SECRET, stale, body)), body)).get().asString()
                .contains("more than 5 minutes");
        assertThat(check.refusal(Map.of(), body)).get().asString().contains("no X-Slack-Signature");
        assertThat(new SlackRequestCheck(Optional.empty(), clock).refusal(headers(ts, SlackSigner.sign(SECRET, ts, body)), body))
                .get().asString().contains("SLACK_SIGNING_SECRET");
    }

    @Test
    void refusalsAreLoggedOnceAMinuteWithTheReasonButNeverTheBodyOrTheSecret() {
        byte[] body = "{\"text\":\"geheim antwoord\"}".getBytes(StandardCharsets.UTF_8);
        Supplier<Map<String, List<String>>> forged = () -> headers(now.getEpochSecond(),
                SlackSigner.sign("forged", now.getEpochSecond(), body));
        String log = captureErr(() -> {
            for (int i = 0; i < 5; i++) {
                check.refusal(forged.get(), body);
                now = now.plusSeconds(5);
            }
            now = now.plusSeconds(60);
            check.refusal(forged.get(), body);
        });
        List<String> lines = log.lines().filter(l -> l.contains("Slack request refused")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("WARN").contains("signature does not match");
        assertThat(lines.get(1)).contains("4 more refused");
        assertThat(log).doesNotContain("geheim").doesNotContain(SECRET).doesNotContain("v0=");
    }

    private static String captureErr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
