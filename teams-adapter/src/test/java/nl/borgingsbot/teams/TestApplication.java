package nl.borgingsbot.teams;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.inbox.Inbox;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;

/**
 * The core as the application wires it, for the adapter's tests: a real SQLite file, the real
 * questionnaires the application ships, the gateways from every {@link ChatGateway} bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {


    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Database database(@Value("${test.db-url}") String url) {
        return Database.open(url, "", "");
    }

    @Bean
    Gateways gateways(ObjectProvider<ChatGateway> gateways) {
        return new Gateways(gateways.orderedStream().toList());
    }

    @Bean
    Borgingsbot borgingsbot(Database database, Gateways gateways, Clock clock, @Value("${test.admins}") String admins,
                            @Value("${test.waiting-limit:" + Inbox.WAITING_LIMIT + "}") int waitingLimit) {
        return new Borgingsbot(database.repositories(), Fixtures.catalog(), gateways,
                Administrators.parse(admins, Platforms.of(TeamsGateway.PLATFORM)), clock,
                Borgingsbot.Settings.defaults().withWaitingLimit(waitingLimit));
    }
}
