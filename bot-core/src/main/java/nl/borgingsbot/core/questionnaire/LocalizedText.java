package nl.borgingsbot.core.questionnaire;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of questionnaire wording. Dutch is always present (it is the source wording);
 * other languages are optional and fall back to Dutch.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
        if (!byLanguage.containsKey("nl")) {
            throw new IllegalArgumentException("Dutch (nl) text is required");
        }
    }

    public static LocalizedText dutch(String text) {
        return new LocalizedText(Map.of("nl", Objects.requireNonNull(text)));
    }

    public String in(Locale locale) {
        return byLanguage.getOrDefault(locale.getLanguage(), byLanguage.get("nl"));
    }

    public String dutch() {
        return byLanguage.get("nl");
    }
}
