package nl.borgingsbot.core.region;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.i18n.Refusal;

/**
 * The people who may link a channel as a region, from configuration ({@code BORGING_ADMINS},
 * e.g. {@code slack:U0123ABC,teams:<aadObjectId>}).
 */
public final class Administrators {

    /** A user id: no spaces and none of the separators a mistyped list brings in. */
    private static final Pattern USER_ID = Pattern.compile("[^\\s,;:]+");

    private final Set<String> keys;

    private Administrators(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    /**
     * Parses the comma-separated list; an entry that is not {@code platform:userId} with a known
     * platform (one of {@code platforms}; e.g. {@code slack:U1;teams:x}, a wrong separator) is a {@link Refusal}.
     */
    public static Administrators parse(String list, Platforms platforms) {
        Set<String> keys = Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(entry -> validated(entry, platforms))
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

    private static String validated(String entry, Platforms platforms) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || !USER_ID.matcher(entry.substring(colon + 1)).matches()) {
            throw new Refusal("config.admins.form", entry);
        }
        String platform = entry.substring(0, colon);
        return platforms.find(platform)
                .map(known -> known.key() + ":" + entry.substring(colon + 1))
                .orElseThrow(() -> new Refusal("config.admins.platform", entry, platform.toLowerCase(Locale.ROOT),
                        platforms.listed()));
    }
}
