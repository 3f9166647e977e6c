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
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.i18n.Refusal;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.schedule.Schedule;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.store.JdbcRegionRepository;
import nl.borgingsbot.core.testing.Fixtures;

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
            RegionFile.apply(RegionFile.parse("regions.yml", new StringReader(TWO_REGIONS), Fixtures.PLATFORMS), repository);

            Region amstelland = repository.byChannel(new ChatChannel(Platform.of("slack"), "T01", "C01")).orElseThrow();
            assertThat(amstelland.anonymous()).isTrue();
            assertThat(amstelland.language().getLanguage()).isEqualTo("en");
            assertThat(amstelland.questionnaireId()).isEqualTo("samenwerking");
            assertThat(repository.partners(amstelland.id())).hasSize(2);
            assertThat(repository.byName("twente")).hasValueSatisfying(t -> {
                assertThat(t.channel().platform()).isEqualTo(Platform.of("teams"));
                assertThat(t.language().getLanguage()).isEqualTo("nl");
                assertThat(t.questionnaireId()).isEqualTo("sto-borging");
            });

            repository.addPartner(amstelland.id(), new ChatUser(Platform.of("slack"), "T01", "U0EF"),
                    "Eva", "Gemeente");
            RegionFile.apply(RegionFile.parse("regions.yml", new StringReader(TWO_REGIONS.replace("anonymous: true", "anonymous: false")), Fixtures.PLATFORMS), repository);

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
                Arguments.of("regio: []", "regions.yml, line 1, column 1, region -: unknown key 'regio'"),
                Arguments.of("regions: {}", "regions.yml, line 1: the file must start with a list 'regions:'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T}", "regions.yml, line 2, column 5, region X: 'channel' is missing"),
                Arguments.of("regions:\n  - {name: X, platform: discord, workspace: T, channel: C}", "regions.yml, line 2, column 25, region X: platform must be one of these: slack, teams; not 'discord'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, timeZone: Mars/Base}", "regions.yml, line 2, column 68, region X: unknown timeZone 'Mars/Base'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, language: de}", "regions.yml, line 2, column 68, region X: language must be nl or en, not 'de'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, kanaal: D}", "regions.yml, line 2, column 58, region X: unknown key 'kanaal'"),
                Arguments.of("regions:\n  - {name: X, platform: slack, workspace: T, channel: C, partners: [{user: U1, name: A}]}", "regions.yml, line 2, column 69, region X: 'organisation' is missing"),
                Arguments.of("regions: [", "regions.yml, line 1, column 11: this is not valid YAML"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedFileNamesTheLineTheRegionAndTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> RegionFile.parse("regions.yml", new StringReader(yaml), Fixtures.PLATFORMS))
                .isInstanceOf(Refusal.class).hasMessageStartingWith(message);
    }

    private static final String AMSTELLAND = """
            regions:
              - name: Amstelland
                platform: slack
                workspace: T01
                channel: C01
            """;

    static Stream<Arguments> mistakesARegionWouldMake() {
        return Stream.of(
                Arguments.of(AMSTELLAND + "    anonymous: misschien\n",
                        "regions.yml, line 6, column 16, region Amstelland: anonymous must be true, false, ja or nee, not 'misschien'."),
                Arguments.of(AMSTELLAND + "    partners: U0AB\n",
                        "regions.yml, line 6, column 15, region Amstelland: 'partners' must be a list, for example partners: "
                                + "[{ user: U0AB, name: Anna, organisation: Vmbo De Brug }]"),
                Arguments.of(AMSTELLAND + "    managers: U0PM\n",
                        "regions.yml, line 6, column 15, region Amstelland: 'managers' must be a list, for example managers: [U0PM]"),
                Arguments.of(AMSTELLAND + "    channel: C02\n",
                        "regions.yml, line 6, column 5, region Amstelland: 'channel' is there twice (also on line 5). Keep one."),
                Arguments.of(AMSTELLAND + "  - { name: Twente, platform: slack, workspace: T01, channel: C01 }\n",
                        "regions.yml, line 6, column 5, region Twente: channel C01 already belongs to region Amstelland (line 2)."),
                Arguments.of(AMSTELLAND + "  - { name: amstelland, platform: slack, workspace: T01, channel: C02 }\n",
                        "regions.yml, line 6, column 5, region amstelland: this name is already on line 2."),
                Arguments.of(AMSTELLAND + """
                            partners:
                              - { user: U0AB, name: Anna, organisation: Vmbo De Brug }
                              - { user: U0AB, name: Anna de Vries, organisation: Vmbo De Brug }
                        """,
                        "regions.yml, line 8, column 9, region Amstelland: partner U0AB is in this region twice (also on line 7). Keep one."),
                Arguments.of("regions:\nregions: []\n", "regions.yml, line 2, column 1, region -: 'regions' is there twice (also on line 1)."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakesARegionWouldMake")
    void aMistakeInTheRegionsFileIsRefusedNamingFileLineAndRegion(String yaml, String message) {
        assertThatThrownBy(() -> RegionFile.parse("regions.yml", new StringReader(yaml), Fixtures.PLATFORMS))
                .isInstanceOf(Refusal.class).hasMessageStartingWith(message);
    }

    @Test
    void aRegionsFileWithAnonymousJaMakesTheRegionAnonymousAndNeeMakesItOpen() {
        assertThat(RegionFile.parse("r.yml", new StringReader(AMSTELLAND + "    anonymous: ja\n"), Fixtures.PLATFORMS).get(0).region().anonymous())
                .isTrue();
        assertThat(RegionFile.parse("r.yml", new StringReader(AMSTELLAND + "    anonymous: Nee\n"), Fixtures.PLATFORMS).get(0).region().anonymous())
                .isFalse();
        assertThat(RegionFile.parse("r.yml", new StringReader(AMSTELLAND + "    anonymous: true\n"), Fixtures.PLATFORMS).get(0).region().anonymous())
                .isTrue();
    }

    @Test
    void aFileWhoseRegionTakesTheNameOfAnotherRegionChangesNothing() {
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("r.db"), "", "")) {
            JdbcRegionRepository repository = new JdbcRegionRepository(database.dataSource());
            RegionFile.apply(RegionFile.parse("regions.yml", new StringReader(AMSTELLAND), Fixtures.PLATFORMS), repository);
            String file = """
                    regions:
                      - { name: Rijnmond, platform: slack, workspace: T01, channel: C05 }
                      - { name: Amstelland, platform: slack, workspace: T01, channel: C09, anonymous: ja }
                    """;

            assertThatThrownBy(() -> RegionFile.apply(RegionFile.parse("regions.yml", new StringReader(file), Fixtures.PLATFORMS), repository))
                    .isInstanceOf(Refusal.class)
                    .hasMessageStartingWith("regions.yml, line 3, column 5, region Amstelland: that name already belongs "
                            + "to the region in channel C01.");
            assertThat(repository.all()).extracting(Region::name).containsExactly("Amstelland");
        }
    }

    @Test
    void aRegionsFileSetsTheRegionsWorkingHoursAndRefusesHoursThatEndBeforeTheyStart() {
        String yaml = "regions:\n  - {name: X, platform: slack, workspace: T, channel: C, workingHours: 08:30-17:00}";
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("hours.db"), "", "")) {
            List<RegionFile.Declared> declared = RegionFile.parse("regions.yml", new StringReader(yaml), Fixtures.PLATFORMS);
            RegionFile.apply(declared, database.repositories().regions());
            Planning planning = new Planning(database.repositories().schedules(), Clock.systemUTC());
            database.repositories().regions().all().forEach(planning::ensureDefault);
            planning.applyWorkingHours(declared, database.repositories().regions());

            Schedule schedule = database.repositories().schedules().of(1).orElseThrow();
            assertThat(schedule.workingHours()).isEqualTo(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 0)));
            assertThat(schedule.cron()).isEqualTo(Schedule.QUARTERLY);
        }
        assertThatThrownBy(() -> RegionFile.parse("regions.yml", new StringReader(yaml.replace("08:30-17:00", "18:00-08:00")), Fixtures.PLATFORMS))
                .isInstanceOf(Refusal.class)
                .hasMessage("regions.yml, line 2, column 72, region X: workingHours must be a start and an end time, "
                        + "the start before the end, like 08:00-18:00; not '18:00-08:00'.");
    }

    @Test
    void administratorsAreListedAsPlatformAndUserId() {
        Administrators admins = Administrators.parse(" slack:U0123ABC , teams:00000000-aaaa ", Fixtures.PLATFORMS);
        assertThat(admins.contains(new ChatUser(Platform.of("slack"), "T9", "U0123ABC"))).isTrue();
        assertThat(admins.contains(new ChatUser(Platform.of("teams"), "t", "00000000-aaaa"))).isTrue();
        assertThat(admins.contains(new ChatUser(Platform.of("teams"), "t", "U0123ABC"))).isFalse();
        assertThat(Administrators.parse("", Fixtures.PLATFORMS).isEmpty()).isTrue();
        assertThatThrownBy(() -> Administrators.parse("irc:bob", Fixtures.PLATFORMS)).hasMessageContaining("unknown platform 'irc'");
    }

    @Test
    void aPlatformIsKnownWhenItsAdapterRegistersIt() {
        Platforms withWeb = Platforms.of(Platform.of("slack"), Platform.of("teams"), Platform.of("web"));
        String web = "regions:\n  - {name: Speeltuin, platform: Web, workspace: browser, channel: speeltuin}\n";
        assertThat(RegionFile.parse("regions.yml", new StringReader(web), withWeb).get(0).region().channel().platform())
                .isEqualTo(Platform.of("web"));
        assertThat(Administrators.parse("web:bezoeker", withWeb).contains(new ChatUser(Platform.of("web"), "browser", "bezoeker")))
                .isTrue();
        assertThatThrownBy(() -> RegionFile.parse("regions.yml", new StringReader(web), Fixtures.PLATFORMS))
                .hasMessage("regions.yml, line 2, column 33, region Speeltuin: platform must be one of these: slack, teams; not 'Web'.");
        assertThatThrownBy(() -> Administrators.parse("slak:U1", Fixtures.PLATFORMS))
                .hasMessage("BORGING_ADMINS: 'slak:U1' names unknown platform 'slak'. Use one of these: slack, teams; "
                        + "for example slack:U0123ABC.");
    }

    @Test
    void administratorsSeparatedBySemicolonsAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> Administrators.parse("slack:U1;teams:x", Fixtures.PLATFORMS)).isInstanceOf(Refusal.class)
                .hasMessage("BORGING_ADMINS: 'slack:U1;teams:x' is not an administrator. Write platform:userId, separated "
                        + "by commas, for example BORGING_ADMINS=slack:U0123ABC,teams:<aadObjectId>.");
        assertThatThrownBy(() -> Administrators.parse("slack:U1 teams:x", Fixtures.PLATFORMS)).isInstanceOf(Refusal.class);
    }
}
