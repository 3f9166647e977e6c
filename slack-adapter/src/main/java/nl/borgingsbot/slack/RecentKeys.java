package nl.borgingsbot.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent keys (event ids, clicks) so a Slack retry or a double click is handled
 * once. Bounded: the oldest keys are forgotten first.
 */
final class RecentKeys {

    private final Map<String, Boolean> keys;

    RecentKeys(int capacity) {
        this.keys = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time a key is seen, false for every repeat. */
    synchronized boolean firstTime(String key) {
        return keys.put(key, Boolean.TRUE) == null;
    }
}
