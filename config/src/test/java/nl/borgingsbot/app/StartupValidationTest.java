package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.schedule.Schedule;

/** A bad file or setting stops start-up with a message that names it; a good regions file is applied. */
class StartupValidationTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String... properties) {
        SpringApplication app = new SpringApplication(BorgingsbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] args = new String[properties.length + 2];
        args[0] = "--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db");
        args[1] = "--logging.level.org.springframework.boot.SpringApplication=OFF"; // the failures are expected here
        for (int i = 0; i < properties.length; i++) {
            args[i + 2] = "--" + properties[i];
        }
        return app.run(args);
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void aMalformedQuestionnaireStopsStartUpNamingTheFileAndTheProblem() throws Exception {
        Path questionnaires = Files.createDirectories(dir.resolve("q"));
        Files.writeString(questionnaires.resolve("kapot.yml"), """
                id: kapot
                title: Kapot
                question: Vraag?
                scale: {min: 0, max: 10, labels: [a, b]}
                prompts: []
                statements: []
                """);

        assertThatThrownBy(() -> start("borging.questionnaires-dir=" + questionnaires))
                .satisfies(e -> assertThat(root(e).getMessage()).contains("kapot.yml").contains("scale must run from 1 to 5"));
    }

    @Test
    void aBadAdministratorEntryStopsStartUp() {
        assertThatThrownBy(() -> start("borging.admins=U0123"))
                .satisfies(e -> assertThat(root(e).getMessage()).contains("BORGING_ADMINS: 'U0123' is not an administrator"));
    }

    @Test
    void aRegionsFileWithAnonymousJaMakesTheRegionAnonymous() throws Exception {
        Path regions = dir.resolve("regions.yml");
        Files.writeString(regions, """
                regions:
                  - name: Amstelland
                    platform: slack
                    workspace: T01
                    channel: C01
                    anonymous: ja
                    managers: [U0PM]
                    partners:
                      - { user: U0AB, name: Anna, organisation: Vmbo De Brug }
                """);

        try (ConfigurableApplicationContext context = start("borging.regions-file=" + regions)) {
            RegionRepository repository = context.getBean(RegionRepository.class);
            assertThat(repository.byName("amstelland")).hasValueSatisfying(r -> {
                assertThat(r.anonymous()).isTrue();
                assertThat(repository.partners(r.id())).extracting(p -> p.organisation()).containsExactly("Vmbo De Brug");
                assertThat(repository.managers(r.id())).extracting(m -> m.userId()).containsExactly("U0PM");
                assertThat(context.getBean(Repositories.class).schedules().of(r.id()))
                        .hasValueSatisfying(s -> assertThat(s.cron()).isEqualTo(Schedule.QUARTERLY));
            });
        }
    }

    @Test
    void aRegionsFileNamingAnUnknownQuestionnaireStopsStartUp() throws Exception {
        Path regions = dir.resolve("regions.yml");
        Files.writeString(regions, """
                regions:
                  - { name: Twente, platform: teams, workspace: tenant, channel: "19:abc", questionnaire: onbekend }
                """);

        assertThatThrownBy(() -> start("borging.regions-file=" + regions))
                .satisfies(e -> assertThat(root(e).getMessage()).contains("unknown questionnaire 'onbekend'"));
    }
}
