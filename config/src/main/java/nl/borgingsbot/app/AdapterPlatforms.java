package nl.borgingsbot.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.borgingsbot.app.demo.ConsoleGateway;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.slack.SlackGateway;
import nl.borgingsbot.teams.TeamsGateway;
import nl.borgingsbot.web.WebGateway;

/**
 * Registers the platform of each adapter this application ships, configured or not: a regions
 * file or {@code BORGING_ADMINS} may name these ({@link CoreConfiguration#platforms}). A new
 * adapter adds its {@link Platform} bean (here or in its own auto-configuration); the core needs
 * no change.
 */
@Configuration(proxyBeanMethods = false)
class AdapterPlatforms {

    @Bean
    Platform slackPlatform() {
        return SlackGateway.PLATFORM;
    }

    @Bean
    Platform teamsPlatform() {
        return TeamsGateway.PLATFORM;
    }

    /** The browser playground ({@code BORGING_ADMINS=web:…} in the playground). */
    @Bean
    Platform webPlatform() {
        return WebGateway.PLATFORM;
    }

    /** The console of the demo ({@code BORGING_ADMINS=demo:…}). */
    @Bean
    Platform demoPlatform() {
        return ConsoleGateway.PLATFORM;
    }
}
