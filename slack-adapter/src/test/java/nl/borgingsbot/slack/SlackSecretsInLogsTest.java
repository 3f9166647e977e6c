package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/** Neither the bot token nor the signing secret reaches the log, also not when things go wrong. */
class SlackSecretsInLogsTest {

    @TempDir
    Path dir;

    @Test
    void tokensAndTheSigningSecretNeverAppearInTheLog() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (SlackTestBot test = new SlackTestBot(dir)) {
            FakeSlack slack = test.slack();
            test.commandAndWait(SlackTestBot.ADMIN, "regio koppel Noord");
            test.commandAndWait(SlackTestBot.ADMIN, "partner toevoegen <@U1|u1> Organisatie U1");
            slack.fail("conversations.open", "", "user_not_found");
            slack.rateLimit("chat.postMessage", 1);
            test.commandAndWait(SlackTestBot.ADMIN, "ronde start");
            slack.fail("chat.postMessage", SlackTestBot.CHANNEL, "not_in_channel");
            test.commandAndWait(SlackTestBot.ADMIN, "ronde sluit");
            test.sendRaw("{}".getBytes(StandardCharsets.UTF_8), java.util.Map.of("Content-Type", "application/json"));
            System.err.println(new SlackSettings("fake-bot-token-for-tests", java.util.Optional.of("fake-app-token-for-tests"),
                    java.util.Optional.of(SlackTestBot.SECRET), java.util.Optional.empty()));
        } finally {
            System.setErr(original);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("not_in_channel").contains("SlackSettings[mode=SOCKET");
        assertThat(text).doesNotContain("fake-bot-token-for-tests").doesNotContain("fake-app-token-for-tests").doesNotContain(SlackTestBot.SECRET);
    }
}
