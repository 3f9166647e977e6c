package nl.borgingsbot.core.i18n;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text in one language, from the {@code messages} bundle (Dutch is the base bundle,
 * English the {@code _en} one). Never falls back to the JVM's default locale.
 */
public final class Texts {

    private static final String BUNDLE = "nl.borgingsbot.core.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** Dutch unless the language is English. */
    public static Texts of(Locale locale) {
        return new Texts("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("nl"));
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The text for {@code key}, with {@code {0}}-style arguments filled in. Every text goes
     * through {@link MessageFormat}, so an apostrophe is always written {@code ''} in the bundles.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for '" + key + "' in " + locale, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A mean or change with one decimal, in the language's notation (3,4 in Dutch). */
    public String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** Items as a sentence lists them: "7", "7 en 2", "14, 7 en 2" ("7 and 2" in English). */
    public String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + get("format.and") + items.get(items.size() - 1);
    }

    /** A whole percentage. */
    public String percent(double fraction) {
        return NumberFormat.getPercentInstance(locale).format(fraction);
    }

    /** A date and time as people in this language write it, in the given zone. */
    public String dateTime(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        String date = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(local);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local);
        return get("format.dateTime", date, time);
    }
}
