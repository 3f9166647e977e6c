package nl.borgingsbot.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import nl.borgingsbot.slack.SlackSettings;
import nl.borgingsbot.teams.spring.TeamsSettings;

/**
 * When the bot runs as a service (Slack or Teams connected), the application is a servlet
 * application, so that the management port (health, readiness, Prometheus) is served; the demo and
 * the server-side commands stay without any port. The main web server ({@code SERVER_PORT}) serves
 * Teams' {@code /api/messages} and Slack's {@code /slack/events} (HTTP mode); with Slack in Socket
 * Mode alone it has nothing to serve, so it listens on 127.0.0.1 only. Like Teams' own switch,
 * these are the lowest-priority properties: an explicit {@code spring.main.web-application-type}
 * or {@code server.address} wins.
 * Runs before Teams' switch, which then no longer says "none".
 */
public final class ServiceWebServer implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean platformsEnabled = environment.getProperty("borging.platforms.enabled", Boolean.class, true);
        Optional<SlackSettings> slack = platformsEnabled ? SlackWiring.settings(environment) : Optional.empty();
        boolean teams = TeamsSettings.enabled(environment);
        if (slack.isEmpty() && !teams) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.main.web-application-type", "servlet");
        boolean slackOverHttp = slack.filter(settings -> settings.mode() == SlackSettings.Mode.HTTP).isPresent();
        if (!teams && !slackOverHttp) {
            properties.put("server.address", "127.0.0.1");
        }
        environment.getPropertySources().addLast(new MapPropertySource("borgingsbot-service-web", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
