package nl.borgingsbot.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.i18n.Refusal;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.QuestionnaireLoader;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.RegionFile;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.schedule.ScheduleRunner;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.telemetry.Telemetry;

/** The composition root of the core: database, repositories, questionnaires, the bot. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CoreConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Opened after the regions file and the administrators are checked: a refused start creates no database. */
    @Bean(destroyMethod = "close")
    @DependsOn("declaredRegions")
    Database database(BorgingProperties properties) {
        BorgingProperties.Db db = properties.db();
        Database database = Database.open(db.url(), db.user(), db.password());
        LOG.info("Database: {}", database.url());
        return database;
    }

    @Bean
    Repositories repositories(Database database) {
        return database.repositories();
    }

    @Bean
    RegionRepository regionRepository(Repositories repositories) {
        return repositories.regions();
    }

    /** The built-in questionnaires plus any in {@code borging.questionnaires-dir}; a bad file stops start-up. */
    @Bean
    QuestionnaireCatalog questionnaireCatalog(BorgingProperties properties) throws IOException {
        List<Questionnaire> questionnaires = new ArrayList<>();
        Resource[] builtIn = new PathMatchingResourcePatternResolver().getResources("classpath*:questionnaires/*.yml");
        for (Resource resource : builtIn) {
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                questionnaires.add(QuestionnaireLoader.parse(resource.getFilename(), reader));
            }
        }
        if (!properties.questionnairesDir().isBlank()) {
            try (Stream<Path> files = Files.list(Path.of(properties.questionnairesDir()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        questionnaires.add(QuestionnaireLoader.parse(file.toString(), reader));
                    }
                }
            }
        }
        QuestionnaireCatalog catalog = QuestionnaireCatalog.of(questionnaires);
        LOG.info("Questionnaires: {}", catalog.ids());
        return catalog;
    }

    /**
     * The platforms a region or an administrator may name: one per adapter this application ships
     * (a {@link Platform} bean each, see {@link AdapterPlatforms}), whether or not it is configured.
     */
    @Bean
    Platforms platforms(ObjectProvider<Platform> registered) {
        return Platforms.of(registered.orderedStream().toList());
    }

    @Bean
    Administrators administrators(BorgingProperties properties, Platforms platforms) {
        return Administrators.parse(properties.admins(), platforms);
    }

    @Bean
    Gateways gateways(ObjectProvider<ChatGateway> gateways) {
        return new Gateways(gateways.orderedStream().toList());
    }

    /** The regions declared in {@code borging.regions-file}, with where they come from. */
    record DeclaredRegions(String file, List<RegionFile.Declared> regions) {
    }

    /**
     * Reads and checks the regions file and {@code BORGING_ADMINS} at start-up — never lazily, so
     * the demo (which does not apply the file) refuses a mistake too.
     */
    @Bean
    @Lazy(false)
    DeclaredRegions declaredRegions(BorgingProperties properties, QuestionnaireCatalog catalog, Administrators admins,
                                    Platforms platforms) {
        if (properties.regionsFile().isBlank()) {
            return new DeclaredRegions("", List.of());
        }
        Path file = Path.of(properties.regionsFile());
        List<RegionFile.Declared> declared;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            declared = RegionFile.parse(file.toString(), reader, platforms);
        } catch (NoSuchFileException e) {
            throw new Refusal("config.regions.noFile", file);
        } catch (IOException e) {
            throw new Refusal("config.regions.unreadable", file, e.getClass().getSimpleName());
        }
        RegionFile.checkQuestionnaires(declared, catalog.ids());
        return new DeclaredRegions(file.toString(), declared);
    }

    @Bean
    Borgingsbot borgingsbot(BorgingProperties properties, Repositories repositories, QuestionnaireCatalog catalog,
                            Gateways gateways, Administrators admins, DeclaredRegions declared, Clock clock,
                            Telemetry telemetry) {
        if (!declared.file().isEmpty()) {
            RegionFile.apply(declared.regions(), repositories.regions());
            Planning planning = new Planning(repositories.schedules(), clock);
            repositories.regions().all().forEach(planning::ensureDefault);
            planning.applyWorkingHours(declared.regions(), repositories.regions());
            LOG.info("Regions from {}: {}", declared.file(), declared.regions().size());
        }
        return new Borgingsbot(repositories, catalog, gateways, admins, clock, Borgingsbot.Settings.defaults()
                .withNationalMinimum(properties.national().minimum()).withTelemetry(telemetry));
    }

    @Bean
    ScheduleRunner scheduleRunner(BorgingProperties properties, Repositories repositories, Borgingsbot borgingsbot,
                                  Clock clock) {
        return new ScheduleRunner(repositories.regions(), repositories.rounds(), repositories.schedules(),
                repositories.checkIns(), borgingsbot.invitations(), borgingsbot.reports(), borgingsbot.outbox(),
                properties.retentionRounds(), clock);
    }
}
