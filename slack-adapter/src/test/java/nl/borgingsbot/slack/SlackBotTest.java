package nl.borgingsbot.slack;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.slack.testing.FakeSlack;
import nl.borgingsbot.slack.testing.SlackTestBot;

/** A bot in Slack's HTTP mode against a fresh fake Slack and SQLite file, for each test. */
abstract class SlackBotTest {

    static final String ADMIN = SlackTestBot.ADMIN;

    @TempDir
    Path dir;

    SlackTestBot test;
    FakeSlack slack;

    @BeforeEach
    void startBot() throws Exception {
        test = new SlackTestBot(dir);
        slack = test.slack();
    }

    @AfterEach
    void stopBot() {
        test.close();
    }
}
