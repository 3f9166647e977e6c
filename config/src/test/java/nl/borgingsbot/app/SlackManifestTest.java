package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import nl.borgingsbot.slack.SlackHandlers;

/** The Slack app manifests ask for exactly what the bot uses, and escape mentions in /borging. */
class SlackManifestTest {

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifest.yml", "manifest-http.yml"})
    void theManifestAsksForExactlyWhatTheBotUses(String file) throws IOException {
        Map<String, Object> manifest;
        try (Reader reader = Files.newBufferedReader(Path.of("slack", file), StandardCharsets.UTF_8)) {
            manifest = new Yaml().load(reader);
        }
        List<String> scopes = at(manifest, "oauth_config", "scopes", "bot");
        assertThat(scopes).containsExactlyInAnyOrder("chat:write", "commands", "im:history", "im:write", "files:write");
        List<String> events = at(manifest, "settings", "event_subscriptions", "bot_events");
        assertThat(events).containsExactlyInAnyOrder("message.im", "app_home_opened");
        List<Map<String, Object>> commands = at(manifest, "features", "slash_commands");
        assertThat(commands).singleElement().satisfies(command -> {
            assertThat(command.get("command")).isEqualTo(SlackHandlers.COMMAND);
            assertThat(command.get("should_escape")).isEqualTo(true);
        });
        assertThat((Boolean) at(manifest, "settings", "interactivity", "is_enabled")).isTrue();
        assertThat((Boolean) at(manifest, "features", "app_home", "messages_tab_enabled")).isTrue();
        assertThat((Boolean) at(manifest, "features", "app_home", "home_tab_enabled")).isTrue();
        boolean socketMode = at(manifest, "settings", "socket_mode_enabled");
        assertThat(socketMode).isEqualTo(file.equals("manifest.yml"));
    }
}
