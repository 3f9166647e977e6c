package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.borgingsbot.slack.SlackGateway;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;

/** The round scheduler runs when a chat platform is connected, and not in the demo. */
class RoundSchedulingTest {

    @TempDir
    Path dir;

    /** A connected platform that delivers nowhere (this test only looks at the scheduler). */
    @Configuration(proxyBeanMethods = false)
    static class Connected {
        @Bean
        ChatGateway quietGateway() {
            return new ChatGateway() {
                @Override
                public Platform platform() {
                    return SlackGateway.PLATFORM;
                }

                @Override
                public void sendDirect(ChatUser user, Message message) {
                }

                @Override
                public PostedMessage postToChannel(ChatChannel channel, Message message) {
                    return new PostedMessage(channel, "1");
                }

                @Override
                public void replyInThread(PostedMessage parent, Message message) {
                }
            };
        }
    }

    private ConfigurableApplicationContext start(Class<?>... sources) {
        SpringApplication app = new SpringApplication(sources);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run("--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db"));
    }

    @Test
    void withAPlatformTheSchedulerRunsAndStopsWithTheApplication() {
        RoundScheduling scheduling;
        try (ConfigurableApplicationContext context = start(BorgingsbotApplication.class, Connected.class)) {
            scheduling = context.getBean(RoundScheduling.class);
            assertThat(scheduling.isRunning()).isTrue();
        }
        assertThat(scheduling.isRunning()).isFalse();
    }

    @Test
    void theDemoHasNoScheduler() {
        try (ConfigurableApplicationContext context = start(BorgingsbotApplication.class)) {
            assertThat(context.getBean(RoundScheduling.class).isRunning()).isFalse();
        }
    }
}
