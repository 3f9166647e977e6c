package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * The web server a service opens: Slack's HTTP mode and Teams are served on it (all addresses);
 * Slack in Socket Mode alone leaves it nothing to serve (127.0.0.1); the demo opens none.
 */
class ServiceWebServerTest {

    private static MockEnvironment serviceWith(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < properties.length; i += 2) {
            environment.setProperty(properties[i], properties[i + 1]);
        }
        new ServiceWebServer().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void slackInHttpModeIsServedOnTheWebServerOnEveryAddress() {
        MockEnvironment environment = serviceWith("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "secret");

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
        assertThat(environment.getProperty("server.address")).isNull();
    }

    @Test
    void slackInSocketModeAloneLeavesTheWebServerOn127001() {
        MockEnvironment environment = serviceWith("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void theDemoOpensNoWebServer() {
        assertThat(serviceWith().getProperty("spring.main.web-application-type")).isNull();
    }
}
