package nl.borgingsbot.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.schedule.Schedule;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.store.JdbcRegionRepository;

class RegionFileTest {

    private static final String TWO_REGIONS = """
            regions:
              - name: Amstelland
                platform: slack
                workspace: T01
                channel: C01
                language: en
                timeZone: Europe/Amsterdam
                anonymous: true
                questionnaire: samenwerking
                managers: [U0PM]
                partners:
                  - { user: U0AB, name: Anna, organisation: Vmbo De Brug }
                  - { user: U0CD, name: Carla, organisation: Smit & Zn }
              - name: Twente
                platform: teams
                workspace: tenant-1
                channel: "19:abc@thread.tacv2"
            """;

    @TempDir
    Path dir;

    @Test
    void regionsAreAddedAndUpdatedWithoutLosingPartnersAddedByCommand() {
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("r.db"), "", "")) {
            JdbcRegionRepository repository = new JdbcRegionRepository(database.dataSource());
            RegionFile.apply(RegionFile.parse("regions.yml", new StringReader(TWO_REGIONS)), repository);

            Region amstelland = repository.byChannel(new ChatChannel(Platform.SLACK, "T01", "C01")).orElseThrow();
            assertThat(amstelland.anonymous()).isTrue();
            assertThat(amstelland.language().getLanguage()).isEqualTo("en");
            assertThat(amstelland.questionnaireId()).isEqualTo("samenwerking");
            assertThat(repository.partners(amstelland.id())).hasSize(2);
            assertThat(repository.byName("twente")).hasValueSatisfying(t -> {
                assertThat(t.channel().platform()).isEqualTo(Platform.TEAMS);
                assertThat(t.language().getLanguage()).isEqualTo("nl");
                assertThat(t.questionnaireId()).isEqualTo("sto-borging");
            });

            repository.addPartner(amstelland.id(), new ChatUser(Platform.SLACK, "T01", "U0EF"),
                    "Eva", "Gemeente");
            RegionFile.apply(RegionFile.parse("regions.yml",
                    new StringReader(TWO_REGIONS.replace("anonymous: true", "anonymous: false"))), repository);

            Region again = repository.byId(amstelland.id()).orElseThrow();
            assertThat(again.anonymous()).isFalse();
            assertThat(repository.partners(again.id())).extracting(Partner::organisation)
                    .containsExactly("Vmbo De Brug", "Smit & Zn", "Gemeente");
            assertThat(repository.managers(again.id())).hasSize(1);
            assertThat(repository.all()).hasSize(2);
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("regio: []", "regions.yml: expected a top-level 'regions:' list"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T}", "regions.yml: region 1 (X): 'channel' is missing"),
                Arguments.of("regions:\n  - {name: X, platform: discord, workspace: T, channel: C}", "regions.yml: region 1 (X): platform must be slack or teams"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, timeZone: Mars/Base}", "regions.yml: region 1 (X): unknown timeZone 'Mars/Base'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, language: de}", "regions.yml: region 1 (X): language must be nl or en"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, kanaal: D}", "regions.yml: region 1: unknown key 'kanaal'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, partners: [{user: U1, name: A}]}", "regions.yml: region 1 (X): 'organisation' is missing"),
                Arguments.of("regions: [", "regions.yml: not valid YAML"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedFileNamesTheRegionAndTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> RegionFile.parse("regions.yml", new StringReader(yaml)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void aRegionsFileSetsTheRegionsWorkingHoursAndRefusesHoursThatEndBeforeTheyStart() {
        String yaml = "regions:\n  - {name: X, platform: slack, workspace: T, channel: C, workingHours: 08:30-17:00}";
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("hours.db"), "", "")) {
            List<RegionFile.Declared> declared = RegionFile.parse("regions.yml", new StringReader(yaml));
            RegionFile.apply(declared, database.repositories().regions());
            Planning planning = new Planning(database.repositories().schedules(), Clock.systemUTC());
            database.repositories().regions().all().forEach(planning::ensureDefault);
            planning.applyWorkingHours(declared, database.repositories().regions());

            Schedule schedule = database.repositories().schedules().of(1).orElseThrow();
            assertThat(schedule.workingHours()).isEqualTo(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 0)));
            assertThat(schedule.cron()).isEqualTo(Schedule.QUARTERLY);
        }
        assertThatThrownBy(() -> RegionFile.parse("regions.yml", new StringReader(yaml.replace("08:30-17:00", "18:00-08:00"))))
                .hasMessage("regions.yml: region 1 (X): workingHours must be like 08:00-18:00 (start before end), was '18:00-08:00'");
    }

    @Test
    void administratorsAreListedAsPlatformAndUserId() {
        Administrators admins = Administrators.parse(" slack:U0123ABC , teams:00000000-aaaa ");
        assertThat(admins.contains(new ChatUser(Platform.SLACK, "T9", "U0123ABC"))).isTrue();
        assertThat(admins.contains(new ChatUser(Platform.TEAMS, "t", "00000000-aaaa"))).isTrue();
        assertThat(admins.contains(new ChatUser(Platform.TEAMS, "t", "U0123ABC"))).isFalse();
        assertThat(Administrators.parse("").isEmpty()).isTrue();
        assertThatThrownBy(() -> Administrators.parse("irc:bob")).hasMessageContaining("unknown platform 'irc'");
    }
}
