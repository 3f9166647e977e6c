package nl.borgingsbot.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack: the bot token, and either an app-level token (Socket Mode) or a signing
 * secret (HTTP mode); {@code apiUrl} overrides the Web API base URL (tests, staging).
 * {@link #toString()} never shows a secret.
 */
public record SlackSettings(String botToken, Optional<String> appToken, Optional<String> signingSecret,
                            Optional<String> apiUrl) {

    /** The two ways Slack delivers events. */
    public enum Mode { SOCKET, HTTP }

    public SlackSettings {
        Objects.requireNonNull(botToken);
        appToken = appToken.filter(s -> !s.isBlank());
        signingSecret = signingSecret.filter(s -> !s.isBlank());
        apiUrl = apiUrl.filter(s -> !s.isBlank());
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)");
        }
    }

    /** Socket Mode when an app token is set (the default for schools: no public URL needed), else HTTP. */
    public Mode mode() {
        return appToken.isPresent() ? Mode.SOCKET : Mode.HTTP;
    }

    /** The Web API method prefix, e.g. {@code https://slack.com/api/}. */
    public Optional<String> methodsUrlPrefix() {
        return apiUrl.map(url -> url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + mode() + ", apiUrl=" + apiUrl.orElse("default") + "]";
    }
}
