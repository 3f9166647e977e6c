package nl.borgingsbot.web;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The playground's own words (page.properties: Dutch; page_en.properties: English), for the
 * page's labels and its start-up lines. Never falls back to the JVM's default locale.
 */
public final class PageTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PageTexts() {
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle("nl.borgingsbot.web.page",
                "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }

    /** One text with its {0}… filled in. */
    public static String get(Locale language, String key, Object... arguments) {
        return MessageFormat.format(bundle(language).getString(key).replace("'", "''"), arguments);
    }

    /** Every text, for the page ({0} left for the page to fill). */
    static Map<String, String> all(Locale language) {
        ResourceBundle bundle = bundle(language);
        Map<String, String> texts = new LinkedHashMap<>();
        bundle.keySet().stream().sorted().forEach(key -> texts.put(key, bundle.getString(key)));
        return texts;
    }
}
