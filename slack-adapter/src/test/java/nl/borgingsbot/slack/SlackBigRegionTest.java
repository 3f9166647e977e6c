package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/** A region of 15 partners: the report and every reflection reach the channel, nothing cut off. */
class SlackBigRegionTest extends SlackBotTest {

    static final int PARTNERS = 15;

    /** A reflection with a marker that says whose and which it is, some long enough to need splitting. */
    static String reflection(int partner, int prompt) {
        String marker = "[R" + partner + "-" + prompt + "]";
        String filler = partner == 1 && prompt == 1 ? " samen verder bouwen".repeat(90)   // near the 2,000 a reflection may have
                : " een doorlopende leerlijn met één gezicht naar buiten".repeat(6);
        return marker + filler + " " + marker;
    }

    @Test
    void allFortyFiveReflectionsOfFifteenPartnersAreInTheThreadExactlyOnceInValidMessages() {
        test.commandAndWait(ADMIN, "regio koppel Noord");
        for (int p = 1; p <= PARTNERS; p++) {
            test.commandAndWait(ADMIN, "partner toevoegen <@U" + p + "|u" + p + "> Organisatie " + p);
        }
        test.commandAndWait(ADMIN, "ronde start 7-12-2026");
        for (int p = 1; p <= PARTNERS; p++) {
            String user = "U" + p;
            slack.awaitPosts(FakeSlack.dmChannel(user), 1);
            test.dmAndWait(user, "start");
            for (int prompt = 1; prompt <= 3; prompt++) {
                test.dmAndWait(user, reflection(p, prompt));
            }
            for (int s = 0; s < 7; s++) {
                test.dmAndWait(user, String.valueOf(1 + (p + s) % 5));
            }
            test.dmAndWait(user, "versturen");
        }
        test.commandAndWait(ADMIN, "ronde sluit");
        slack.await("all reflections in the thread", all -> countMarkers(slack.posts(SlackTestBot.CHANNEL)).size() >= 45 * 2);

        List<FakeSlack.Call> posts = slack.posts(SlackTestBot.CHANNEL);
        String reportTs = slack.tsOf(posts.get(0));
        assertThat(posts.get(0).param("thread_ts")).isEmpty();
        assertThat(posts.subList(1, posts.size())).allSatisfy(post -> assertThat(post.param("thread_ts")).isEqualTo(reportTs));
        assertThat(posts.size()).as("the reflections need more than one message").isGreaterThan(2);
        assertThat(slack.calls("chat.postMessage")).allMatch(FakeSlack.Call::ok);
        for (FakeSlack.Call post : posts) {
            assertThat(FakeSlack.validBlocks(post.params())).isTrue();
            assertThat(post.blocks().size()).isLessThanOrEqualTo(BlockKitRenderer.MAX_BLOCKS);
            for (JsonElement block : post.blocks()) {
                JsonObject object = block.getAsJsonObject();
                if (object.get("type").getAsString().equals("section") && object.has("text")) {
                    assertThat(object.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
                }
            }
        }
        // each marker twice (at the start and the end of its reflection), in the order the prompts were asked
        List<String> markers = countMarkers(posts);
        assertThat(markers).hasSize(45 * 2);
        for (int p = 1; p <= PARTNERS; p++) {
            for (int prompt = 1; prompt <= 3; prompt++) {
                String marker = "[R" + p + "-" + prompt + "]";
                assertThat(markers.stream().filter(marker::equals)).as(marker).hasSize(2);
            }
        }
        assertThat(markers.indexOf("[R" + PARTNERS + "-1]")).isLessThan(markers.indexOf("[R1-2]"));
        assertThat(markers.indexOf("[R" + PARTNERS + "-2]")).isLessThan(markers.indexOf("[R1-3]"));
        // the long reflection is whole: every word of it arrived
        String all = String.join("\n", posts.stream().map(FakeSlack.Call::visibleText).toList());
        Matcher words = Pattern.compile("samen verder bouwen").matcher(all);
        int count = 0;
        while (words.find()) {
            count++;
        }
        assertThat(count).isEqualTo(90);
    }

    private static List<String> countMarkers(List<FakeSlack.Call> posts) {
        List<String> markers = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\[R\\d+-\\d]").matcher(
                String.join("\n", posts.stream().map(FakeSlack.Call::visibleText).toList()));
        while (matcher.find()) {
            markers.add(matcher.group());
        }
        return markers;
    }
}
