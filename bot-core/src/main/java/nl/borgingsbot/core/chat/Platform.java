package nl.borgingsbot.core.chat;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A chat platform a region can live on, named by its key ({@code slack}, {@code teams}, …). The
 * core knows no platform by name: each adapter has its own constant and registers its gateway.
 */
public record Platform(String key) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public Platform {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a platform key: " + key);
        }
    }

    /** The platform with this key, written in any case and with spaces around it. */
    public static Platform of(String key) {
        return new Platform(key.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return key;
    }
}
