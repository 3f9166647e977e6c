package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

class ActivityJsonTest {

    private static String message(String timestamp) {
        return """
                {"type":"message","id":"1","timestamp":"%s","channelId":"msteams","text":"hallo één",
                 "from":{"id":"29:a","aadObjectId":"aad-a"},"conversation":{"id":"a:1","conversationType":"personal"}}
                """.formatted(timestamp);
    }

    @Test
    void theSdkAloneRejectsATimestampWithoutFractionalSeconds() throws Exception {
        // the bug this class works around (botbuilder-java 1467/1502): the SDK reads no activity at all
        assertThat(Serialization.treeToValue(Serialization.jsonToTree(message("2026-11-23T09:15:30Z")), Activity.class))
                .isNull();
        assertThat(Serialization.treeToValue(Serialization.jsonToTree(message("2026-11-23T09:15:30.123Z")), Activity.class))
                .isNotNull();
    }

    @Test
    void aTimestampWithoutFractionalSecondsParses() {
        Activity activity = ActivityJson.parse(message("2026-11-23T09:15:30Z"));

        assertThat(activity.getTimestamp()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:30Z"));
        assertThat(activity.getText()).isEqualTo("hallo één");
    }

    @Test
    void aSevenDigitFractionKeepsItsValue() {
        Activity activity = ActivityJson.parse(message("2026-11-23T09:15:30.8479315Z"));

        assertThat(activity.getTimestamp()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:30.8479315Z"));
    }

    @Test
    void anOffsetIsKept() {
        Activity activity = ActivityJson.parse(message("2026-11-23T10:15:30+01:00"));

        assertThat(activity.getTimestamp().toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:30Z").toInstant());
    }

    @Test
    void somethingThatIsNotAnActivityIsRefused() {
        assertThatThrownBy(() -> ActivityJson.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActivityJson.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActivityJson.parse("{\"text\":\"no type\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
