package nl.borgingsbot.teams.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** When the Teams adapter (and its web server) starts. */
class TeamsSettingsTest {

    @Test
    void teamsStartsWithAnAppIdOrTheEmulatorSwitchAndNeverForAServerSideCommand() {
        assertThat(TeamsSettings.enabled(new MockEnvironment())).isFalse();
        assertThat(TeamsSettings.enabled(new MockEnvironment().withProperty(TeamsSettings.APP_ID, "app"))).isTrue();
        assertThat(TeamsSettings.enabled(new MockEnvironment().withProperty(TeamsSettings.EMULATOR, "true"))).isTrue();
        assertThat(TeamsSettings.enabled(new MockEnvironment().withProperty(TeamsSettings.APP_ID, "app")
                .withProperty(TeamsSettings.PLATFORMS_ENABLED, "false"))).isFalse();
    }
}
