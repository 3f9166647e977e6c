package nl.borgingsbot.core.chat;

import java.util.Locale;

/** The chat platforms a region can live on. DEMO is the console demo of the embedded default. */
public enum Platform {
    SLACK, TEAMS, DEMO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
