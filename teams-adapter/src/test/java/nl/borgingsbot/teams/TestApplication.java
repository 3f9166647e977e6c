package nl.borgingsbot.teams;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.QuestionnaireLoader;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.store.Database;

/**
 * The core as the application wires it, for the adapter's tests: a real SQLite file, the real
 * questionnaires the application ships, the gateways from every {@link ChatGateway} bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

    static final Path QUESTIONNAIRES = Path.of("..", "config", "questionnaires");

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
    Borgingsbot borgingsbot(Database database, Gateways gateways, Clock clock, @Value("${test.admins}") String admins)
            throws IOException {
        return new Borgingsbot(database.repositories(), catalog(), gateways, Administrators.parse(admins, Platforms.of(TeamsGateway.PLATFORM)), clock);
    }

    static QuestionnaireCatalog catalog() throws IOException {
        return QuestionnaireCatalog.of(List.of(load("sto-borging"), load("samenwerking")));
    }

    private static nl.borgingsbot.core.questionnaire.Questionnaire load(String id) throws IOException {
        Path file = QUESTIONNAIRES.resolve(id + ".yml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return QuestionnaireLoader.parse(file.getFileName().toString(), reader);
        }
    }
}
