package nl.borgingsbot.teams;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Images the bot serves itself, for a card whose inline image Teams refuses as too large: each
 * gets an unguessable link ({@code <BORGING_PUBLIC_URL>/api/images/<256 random bits>}) that
 * expires after {@link #TTL}. Only when a public URL is configured; kept in memory, so a link
 * does not survive a restart (the report can be posted again with {@code ronde rapport}).
 */
public final class ImageLinks {

    /** The path the Teams web server serves the images at. */
    public static final String PATH = "/api/images/";
    /** How long a link works. */
    public static final Duration TTL = Duration.ofDays(30);
    /** At most this many images are kept; the oldest goes first. */
    static final int MAX_IMAGES = 100;

    private record Stored(byte[] png, Instant expires) {
    }

    private final Optional<String> publicUrl;
    private final Clock clock;
    private final Map<String, Stored> images = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ImageLinks(Optional<String> publicUrl, Clock clock) {
        this.publicUrl = publicUrl.map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.clock = clock;
    }

    /** No public URL: images are never linked. */
    public static ImageLinks none() {
        return new ImageLinks(Optional.empty(), Clock.systemUTC());
    }

    /** Whether images can be linked (a public URL is configured). */
    public boolean enabled() {
        return publicUrl.isPresent();
    }

    /** A new link to this PNG; empty when no public URL is configured. */
    public Optional<String> link(byte[] png) {
        if (publicUrl.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        images.values().removeIf(stored -> !stored.expires().isAfter(now));
        while (images.size() >= MAX_IMAGES) {
            images.entrySet().stream().min(Map.Entry.comparingByValue(java.util.Comparator.comparing(Stored::expires)))
                    .ifPresent(oldest -> images.remove(oldest.getKey()));
        }
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        images.put(token, new Stored(png.clone(), now.plus(TTL)));
        return Optional.of(publicUrl.get() + PATH + token);
    }

    /** The PNG behind a link's token, while the link works. */
    public Optional<byte[]> image(String token) {
        Stored stored = images.get(token);
        if (stored == null || !stored.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(stored.png());
    }
}
