package nl.borgingsbot.core.region;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;

/**
 * The people who may link a channel as a region, from configuration ({@code BORGING_ADMINS},
 * e.g. {@code slack:U0123ABC,teams:<aadObjectId>}).
 */
public final class Administrators {

    private final Set<String> keys;

    private Administrators(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    /** Parses the comma-separated list; an entry without a known platform prefix is refused. */
    public static Administrators parse(String list) {
        Set<String> keys = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(Administrators::validated)
                .collect(Collectors.toSet());
        return new Administrators(keys);
    }

    public static Administrators none() {
        return new Administrators(Set.of());
    }

    public boolean contains(ChatUser user) {
        return keys.contains(user.platform().key() + ":" + user.userId());
    }

    /** The administrators as people write them in chat ("@U0123ABC"), sorted. */
    public List<String> mentions() {
        return keys.stream().map(key -> "@" + key.substring(key.indexOf(':') + 1)).sorted().toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static String validated(String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException("BORGING_ADMINS entry '" + entry
                    + "' must look like platform:userId, e.g. slack:U0123ABC");
        }
        String platform = entry.substring(0, colon).toLowerCase(Locale.ROOT);
        try {
            Platform.fromKey(platform);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("BORGING_ADMINS entry '" + entry + "' names unknown platform '"
                    + platform + "' (use slack or teams)", e);
        }
        return platform + ":" + entry.substring(colon + 1);
    }
}
