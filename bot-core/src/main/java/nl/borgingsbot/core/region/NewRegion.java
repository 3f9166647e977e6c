package nl.borgingsbot.core.region;

import java.time.ZoneId;
import java.util.Locale;

import nl.borgingsbot.core.chat.ChatChannel;

/** A region before it is stored (no id yet). */
public record NewRegion(String name, ChatChannel channel, Locale language, ZoneId timeZone,
                        boolean anonymous, String questionnaireId) {

    public static NewRegion withDefaults(String name, ChatChannel channel) {
        return new NewRegion(name, channel, Region.DUTCH, Region.AMSTERDAM, false, Region.DEFAULT_QUESTIONNAIRE);
    }
}
