package nl.borgingsbot.core.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platforms this bot knows: one per adapter present, registered by the composition root
 * ({@code config}). The regions file and {@code BORGING_ADMINS} may name only these; the core
 * itself names none.
 */
public record Platforms(Set<Platform> known) {

    public Platforms {
        known = Set.copyOf(known);
    }

    public static Platforms of(Platform... platforms) {
        return new Platforms(Set.of(platforms));
    }

    public static Platforms of(Collection<Platform> platforms) {
        return new Platforms(Set.copyOf(platforms));
    }

    /** The known platform written as {@code key} (in any case), if it is one. */
    public Optional<Platform> find(String key) {
        try {
            Platform platform = Platform.of(key);
            return known.contains(platform) ? Optional.of(platform) : Optional.empty();
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
    }

    /** The keys, sorted, for a message that lists them ("slack, teams"). */
    public String listed() {
        return keys().stream().collect(Collectors.joining(", "));
    }

    /** The keys, sorted. */
    public List<String> keys() {
        return known.stream().map(Platform::key).sorted().toList();
    }
}
