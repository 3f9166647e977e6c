package nl.borgingsbot.core.region;

import java.time.ZoneId;
import java.util.Locale;

import nl.borgingsbot.core.chat.ChatChannel;

/**
 * One partnership: its channel, language, time zone, whether answers are shown anonymously,
 * and which questionnaire its rounds use.
 */
public record Region(long id, String name, ChatChannel channel, Locale language, ZoneId timeZone,
                     boolean anonymous, String questionnaireId) {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    public static final String DEFAULT_QUESTIONNAIRE = "sto-borging";

    public Region withLanguage(Locale newLanguage) {
        return new Region(id, name, channel, newLanguage, timeZone, anonymous, questionnaireId);
    }

    public Region withAnonymous(boolean newAnonymous) {
        return new Region(id, name, channel, language, timeZone, newAnonymous, questionnaireId);
    }

    public Region withQuestionnaire(String newQuestionnaireId) {
        return new Region(id, name, channel, language, timeZone, anonymous, newQuestionnaireId);
    }

    public Region withTimeZone(ZoneId newZone) {
        return new Region(id, name, channel, language, newZone, anonymous, questionnaireId);
    }
}
