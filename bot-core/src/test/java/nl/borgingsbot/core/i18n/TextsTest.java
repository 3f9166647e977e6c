package nl.borgingsbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TextsTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/nl/borgingsbot/core/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void dutchAndEnglishHaveTheSameTexts() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyTextIsAValidPatternWithoutStrayQuotes() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String pattern = texts.getProperty(key);
                new MessageFormat(pattern); // throws on a broken pattern
                assertThat(pattern.replace("''", "")).as(file + " " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void dutchIsTheDefaultAndNumbersAndDatesAreWrittenTheDutchWay() {
        Texts dutch = Texts.of(Locale.forLanguageTag("nl"));
        assertThat(dutch.get("checkin.button.submit")).isEqualTo("Versturen");
        assertThat(dutch.decimal(3.45)).isEqualTo("3,5");
        assertThat(dutch.dateTime(Instant.parse("2026-12-15T22:59:00Z"), ZoneId.of("Europe/Amsterdam")))
                .isEqualTo("dinsdag 15 december 2026 om 23:59");
        assertThat(dutch.get("invalid.range", 1, 5)).isEqualTo("Een score is een cijfer van 1 tot en met 5.");
    }

    @Test
    void englishIsASettingAndOtherLanguagesFallBackToDutch() {
        assertThat(Texts.of(Locale.ENGLISH).get("checkin.button.submit")).isEqualTo("Submit");
        assertThat(Texts.of(Locale.ENGLISH).decimal(3.45)).isEqualTo("3.5");
        assertThat(Texts.of(Locale.GERMAN).get("checkin.button.submit")).isEqualTo("Versturen");
    }
}
