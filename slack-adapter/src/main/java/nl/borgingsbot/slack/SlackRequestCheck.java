package nl.borgingsbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that an HTTP request comes from Slack: {@code v0=} HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} with the signing secret, over the raw bytes as they arrived (never
 * a String turned back into bytes, which depends on the platform's charset: Bolt's own check fails
 * for raw UTF-8 under a POSIX locale), compared in constant time, within five minutes of now.
 *
 * <p>A refusal is logged at WARN with its reason, at most once a minute (with the number of
 * refusals not logged since); never with the body, the signature or the secret.
 */
final class SlackRequestCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SlackRequestCheck.class);
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    static final String SIGNATURE = "X-Slack-Signature";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";

    private final Optional<byte[]> secret;
    private final Clock clock;
    private Instant lastLogged = Instant.EPOCH;
    private int notLogged;

    SlackRequestCheck(Optional<String> signingSecret, Clock clock) {
        this.secret = signingSecret.map(s -> s.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** Empty when the request is Slack's; otherwise why it is refused (also logged, see above). */
    Optional<String> refusal(Map<String, List<String>> headers, byte[] body) {
        Optional<String> reason = reasonToRefuse(headers, body);
        reason.ifPresent(this::log);
        return reason;
    }

    private Optional<String> reasonToRefuse(Map<String, List<String>> headers, byte[] body) {
        if (secret.isEmpty()) {
            return Optional.of("no signing secret is configured (SLACK_SIGNING_SECRET)");
        }
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                byName.put(name, values);
            }
        });
        Optional<String> signature = first(byName, SIGNATURE);
        Optional<String> timestamp = first(byName, TIMESTAMP);
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return Optional.of("no " + (signature.isEmpty() ? SIGNATURE : TIMESTAMP) + " header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().trim());
        } catch (NumberFormatException e) {
            return Optional.of("the " + TIMESTAMP + " header is not a number");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        if (age.abs().compareTo(WINDOW) > 0) {
            return Optional.of("the request timestamp is " + age.toSeconds() + " s from now (more than 5 minutes)");
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(seconds, body))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.get().trim().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the signature does not match (another signing secret?)");
        }
        return Optional.empty();
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.orElseThrow(), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? Optional.empty() : values.stream().filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private synchronized void log(String reason) {
        Instant now = clock.instant();
        if (Duration.between(lastLogged, now).compareTo(LOG_EVERY) < 0) {
            notLogged++;
            return;
        }
        String since = notLogged == 0 ? "" : " (" + notLogged + " more refused since the last one logged)";
        LOG.warn("Slack request refused with 401: {}{}", reason, since);
        lastLogged = now;
        notLogged = 0;
    }
}
