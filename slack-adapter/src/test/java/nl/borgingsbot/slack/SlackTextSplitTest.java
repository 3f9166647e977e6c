package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A long text is split at a line break or a space within Slack's section limit, never cut off. */
class SlackTextSplitTest {

    @Test
    void aLongLineIsSplitBetweenWordsAndNothingIsLost() {
        String text = "één doorlopende leerlijn ".repeat(300).strip(); // 7,499 characters, no line break
        List<String> pieces = SlackText.split(text, SlackText.SECTION_LIMIT);
        assertThat(pieces).hasSize(3).allSatisfy(piece -> {
            assertThat(piece.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT);
            assertThat(piece).startsWith("één").endsWith("leerlijn");
        });
        assertThat(String.join(" ", pieces)).isEqualTo(text);
    }

    @Test
    void aLineBreakIsPreferredAndAWordLongerThanTheLimitIsSplitInside() {
        assertThat(SlackText.split("aaa bbb\nccc ddd", 10)).containsExactly("aaa bbb", "ccc ddd");
        assertThat(SlackText.split("x".repeat(25), 10)).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
    }

    @Test
    void slackMentionsReachTheCoreInItsNeutralForm() {
        assertThat(SlackText.neutralMentions("partner toevoegen <@U0AB|Anna de Vries> Smit &amp; Zn"))
                .isEqualTo("partner toevoegen @{U0AB|Anna de Vries} Smit &amp; Zn");
        assertThat(SlackText.unescape(SlackText.neutralMentions("vergeet <@U1> en &lt;@U2&gt;")))
                .isEqualTo("vergeet @{U1} en <@U2>");
    }
}
