package nl.borgingsbot.teams.spring;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the web server only when Teams needs it for {@code /api/messages}: with Teams connected
 * the application is a servlet application, otherwise (the demo, Slack in Socket Mode) none, so
 * the demo never opens a port and exits by itself. An explicit
 * {@code spring.main.web-application-type} (e.g. for Slack over HTTP) always wins: this is the
 * lowest-priority property source.
 */
public final class TeamsWebServer implements EnvironmentPostProcessor {

    static final String WEB_TYPE = "spring.main.web-application-type";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String type = TeamsSettings.enabled(environment) ? "servlet" : "none";
        environment.getPropertySources().addLast(new MapPropertySource("borgingsbot-teams-web", Map.of(WEB_TYPE, type)));
    }
}
