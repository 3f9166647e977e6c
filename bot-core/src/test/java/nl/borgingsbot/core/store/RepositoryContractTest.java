package nl.borgingsbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.outbox.Envelope;
import nl.borgingsbot.core.outbox.OutboxStore;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.WorkingHours;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundState;
import nl.borgingsbot.core.schedule.Schedule;

/**
 * What the repositories promise, run against a real database of each kind by the subclasses.
 * Every test gets a fresh, migrated, empty database.
 */
abstract class RepositoryContractTest {

    static final ChatChannel NOORD_CHANNEL = new ChatChannel(Platform.of("slack"), "T01", "C0NOORD");
    static final ChatChannel ZUID_CHANNEL = new ChatChannel(Platform.of("teams"), "tenant-1", "19:zuid@thread.tacv2");
    static final ChatUser ANNA = new ChatUser(Platform.of("slack"), "T01", "UANNA");
    static final ChatUser BRAM = new ChatUser(Platform.of("slack"), "T01", "UBRAM");
    static final ChatUser CEES = new ChatUser(Platform.of("slack"), "T01", "UCEES");
    static final Instant OPENED = Instant.parse("2027-01-04T08:00:00Z");
    static final Instant DEADLINE = Instant.parse("2027-01-18T17:00:00Z");

    protected Database database;
    protected JdbcRegionRepository regions;
    protected JdbcRoundRepository rounds;
    protected JdbcCheckInRepository checkIns;

    /** A fresh database of this kind, migrated and empty. */
    protected abstract Database openDatabase() throws Exception;

    /** The user to open this kind of database with. */
    protected abstract String user();

    /** Makes every later insert into {@code answer} fail, as a broken disk or bug would. */
    protected abstract void breakAnswerInserts(Statement statement) throws SQLException;

    @BeforeEach
    void openRepositories() throws Exception {
        database = openDatabase();
        regions = new JdbcRegionRepository(database.dataSource());
        rounds = new JdbcRoundRepository(database.dataSource());
        checkIns = new JdbcCheckInRepository(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    // ---------------------------------------------------------------- the database

    @Test
    void openingTheDatabaseAgainMigratesNothingAndKeepsTheData() throws SQLException {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        long applied = appliedMigrations(database);

        try (Database again = Database.open(database.url(), user(), "")) {
            assertThat(appliedMigrations(again)).isEqualTo(applied).isPositive();
            assertThat(new JdbcRegionRepository(again.dataSource()).byId(noord.id())).contains(noord);
        }
        assertThat(regions.all()).containsExactly(noord);
    }

    private static long appliedMigrations(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            count.next();
            return count.getLong(1);
        }
    }

    // ---------------------------------------------------------------- regions

    @Test
    void aRegionComesBackAsCreated() {
        Region created = regions.create(new NewRegion("Regio Noord", NOORD_CHANNEL, Locale.forLanguageTag("en-GB"),
                ZoneId.of("Europe/London"), true, "samenwerking"));

        assertThat(created.id()).isPositive();
        assertThat(created).isEqualTo(new Region(created.id(), "Regio Noord", NOORD_CHANNEL,
                Locale.forLanguageTag("en-GB"), ZoneId.of("Europe/London"), true, "samenwerking"));
        assertThat(regions.byId(created.id())).contains(created);
        assertThat(regions.byChannel(NOORD_CHANNEL)).contains(created);
        assertThat(regions.all()).containsExactly(created);
        assertThat(regions.byId(created.id() + 1)).isEmpty();
    }

    @Test
    void defaultsAreDutchAmsterdamAndTheStoQuestionnaire() {
        Region created = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));

        Region read = regions.byId(created.id()).orElseThrow();
        assertThat(read.language()).isEqualTo(Region.DUTCH);
        assertThat(read.timeZone()).isEqualTo(Region.AMSTERDAM);
        assertThat(read.anonymous()).isFalse();
        assertThat(read.questionnaireId()).isEqualTo(Region.DEFAULT_QUESTIONNAIRE);
    }

    @Test
    void aRegionIsFoundByItsChannelOnlyOnThatPlatformAndWorkspace() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));

        assertThat(regions.byChannel(NOORD_CHANNEL)).contains(noord);
        assertThat(regions.byChannel(new ChatChannel(Platform.of("slack"), "T02", NOORD_CHANNEL.channelId()))).isEmpty();
        assertThat(regions.byChannel(new ChatChannel(Platform.of("teams"), "T01", NOORD_CHANNEL.channelId()))).isEmpty();
    }

    @Test
    void aRegionIsFoundByNameIgnoringCaseAlsoBeyondAscii() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Region een = regions.create(NewRegion.withDefaults("Één Twente", ZUID_CHANNEL));

        assertThat(regions.byName("regio noord")).contains(noord);
        assertThat(regions.byName("REGIO NOORD")).contains(noord);
        assertThat(regions.byName("één twente")).contains(een);
        assertThat(regions.byName("ÉÉN TWENTE")).contains(een);
        assertThat(regions.byName("Regio Zuid")).isEmpty();
    }

    @Test
    void aSecondRegionWithTheSameNameInAnotherCaseIsRefused() {
        regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));

        assertThatThrownBy(() -> regions.create(NewRegion.withDefaults("REGIO NOORD", ZUID_CHANNEL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Regio Noord");
        assertThat(regions.all()).hasSize(1);
    }

    @Test
    void aChannelBelongsToOneRegion() {
        regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));

        assertThatThrownBy(() -> regions.create(NewRegion.withDefaults("Regio Zuid", NOORD_CHANNEL)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NOORD_CHANNEL.channelId())
                .hasMessageContaining("Regio Noord");
        Region sameIdElsewhere = regions.create(NewRegion.withDefaults("Regio Zuid",
                new ChatChannel(Platform.of("slack"), "T02", NOORD_CHANNEL.channelId())));
        assertThat(regions.all()).hasSize(2).contains(sameIdElsewhere);
    }

    @Test
    void updateReplacesEverySetting() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Region changed = new Region(noord.id(), "Regio Noord-Oost", ZUID_CHANNEL, Locale.ENGLISH,
                ZoneId.of("America/Curacao"), true, "samenwerking");

        regions.update(changed);

        assertThat(regions.byId(noord.id())).contains(changed);
        assertThat(regions.byName("regio noord-oost")).contains(changed);
        assertThat(regions.byName("Regio Noord")).isEmpty();
        assertThat(regions.byChannel(NOORD_CHANNEL)).isEmpty();
        assertThat(regions.byChannel(ZUID_CHANNEL)).contains(changed);
    }

    @Test
    void updateMayKeepTheNameButNotTakeAnother() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Region zuid = regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL));

        regions.update(noord.withAnonymous(true).withLanguage(Locale.ENGLISH));
        assertThat(regions.byId(noord.id()).orElseThrow().anonymous()).isTrue();

        Region renamed = new Region(zuid.id(), "regio noord", zuid.channel(), zuid.language(), zuid.timeZone(),
                zuid.anonymous(), zuid.questionnaireId());
        assertThatThrownBy(() -> regions.update(renamed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Regio Noord");
        assertThat(regions.byId(zuid.id())).contains(zuid);
        assertThatThrownBy(() -> regions.update(new Region(999, "X", new ChatChannel(Platform.of("demo"), "w", "c"),
                Locale.ENGLISH, Region.AMSTERDAM, false, "q")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void managersAreAddedOnceAndFoundBothWays() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Region zuid = regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL));

        regions.addManager(noord.id(), ANNA);
        regions.addManager(noord.id(), BRAM);
        regions.addManager(noord.id(), ANNA);
        regions.addManager(zuid.id(), ANNA);

        assertThat(regions.managers(noord.id())).containsExactly(ANNA, BRAM);
        assertThat(regions.managers(zuid.id())).containsExactly(ANNA);
        assertThat(regions.managedBy(ANNA)).containsExactly(noord, zuid);
        assertThat(regions.managedBy(BRAM)).containsExactly(noord);
        assertThat(regions.managedBy(CEES)).isEmpty();
        assertThat(regions.managedBy(new ChatUser(Platform.of("teams"), "T01", "UANNA"))).isEmpty();
    }

    @Test
    void partnersAreListedInTheOrderTheyWereAdded() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));

        Partner anna = regions.addPartner(noord.id(), ANNA, "Anna de Vries", "Vmbo De Brug");
        Partner bram = regions.addPartner(noord.id(), BRAM, "Bram Bakker", "Gemeente Assen");

        assertThat(anna).isEqualTo(new Partner(anna.id(), noord.id(), ANNA, "Anna de Vries", "Vmbo De Brug"));
        assertThat(regions.partners(noord.id())).containsExactly(anna, bram);
        assertThat(regions.partnerById(bram.id())).contains(bram);
    }

    @Test
    void addingAPartnerAgainUpdatesNameAndOrganisation() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Partner anna = regions.addPartner(noord.id(), ANNA, "Anna de Vries", "Vmbo De Brug");

        Partner again = regions.addPartner(noord.id(), ANNA, "Anna de Vries-Jansen", "Techniek College");

        assertThat(again).isEqualTo(new Partner(anna.id(), noord.id(), ANNA, "Anna de Vries-Jansen", "Techniek College"));
        assertThat(regions.partners(noord.id())).containsExactly(again);
    }

    @Test
    void aRemovedPartnerStaysFindableByIdAndCanBeReactivated() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Partner anna = regions.addPartner(noord.id(), ANNA, "Anna de Vries", "Vmbo De Brug");
        Partner bram = regions.addPartner(noord.id(), BRAM, "Bram Bakker", "Gemeente Assen");

        assertThat(regions.removePartner(noord.id(), ANNA)).isTrue();
        assertThat(regions.removePartner(noord.id(), ANNA)).isFalse();
        assertThat(regions.removePartner(noord.id(), CEES)).isFalse();

        assertThat(regions.partners(noord.id())).containsExactly(bram);
        assertThat(regions.partnershipsOf(ANNA)).isEmpty();
        assertThat(regions.partnerById(anna.id())).contains(anna);

        Partner back = regions.addPartner(noord.id(), ANNA, "Anna de Vries", "Bedrijf Noord");
        assertThat(back.id()).isEqualTo(anna.id());
        assertThat(regions.partners(noord.id())).containsExactly(back, bram);
        assertThat(regions.partnershipsOf(ANNA)).containsExactly(back);
    }

    @Test
    void onePersonCanBePartnerInSeveralRegions() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Region zuid = regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL));
        Partner inNoord = regions.addPartner(noord.id(), ANNA, "Anna", "Vmbo De Brug");
        Partner inZuid = regions.addPartner(zuid.id(), ANNA, "Anna", "Vmbo De Brug");
        regions.addPartner(zuid.id(), BRAM, "Bram", "Gemeente");

        assertThat(inNoord.id()).isNotEqualTo(inZuid.id());
        assertThat(regions.partnershipsOf(ANNA)).containsExactly(inNoord, inZuid);
        regions.removePartner(zuid.id(), ANNA);
        assertThat(regions.partnershipsOf(ANNA)).containsExactly(inNoord);
    }

    @Test
    void aPartnerNeedsAnExistingRegion() {
        assertThatThrownBy(() -> regions.addPartner(42, ANNA, "Anna", "Vmbo"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- rounds

    @Test
    void roundsAreNumberedPerRegionFromOne() {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        long zuid = regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL)).id();

        Round first = rounds.open(noord, "sto-borging", OPENED, DEADLINE);
        rounds.close(first.id(), DEADLINE);
        Round second = rounds.open(noord, "samenwerking", OPENED.plusSeconds(90 * 86400), DEADLINE.plusSeconds(90 * 86400));
        Round zuidFirst = rounds.open(zuid, "sto-borging", OPENED, DEADLINE);

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(zuidFirst.number()).isEqualTo(1);
        assertThat(second).isEqualTo(new Round(second.id(), noord, 2, "samenwerking", RoundState.OPEN,
                OPENED.plusSeconds(90 * 86400), DEADLINE.plusSeconds(90 * 86400), Optional.empty(), false));
        assertThat(rounds.byId(second.id())).contains(second);
        assertThat(rounds.ofRegion(noord)).extracting(Round::number).containsExactly(1, 2);
        assertThat(rounds.openRound(noord)).contains(second);
        assertThat(rounds.allOpen()).containsExactly(second, zuidFirst);
    }

    @Test
    void instantsComeBackToTheNanosecond() {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        Instant opened = Instant.parse("2027-01-04T08:00:00.123456789Z");
        Instant deadline = Instant.parse("2027-01-18T17:00:00.000001Z");
        Instant closed = Instant.parse("2027-01-18T17:00:00.5Z");

        Round round = rounds.open(noord, "sto-borging", opened, deadline);
        rounds.close(round.id(), closed);

        Round read = rounds.byId(round.id()).orElseThrow();
        assertThat(read.openedAt()).isEqualTo(opened);
        assertThat(read.deadline()).isEqualTo(deadline);
        assertThat(read.closedAt()).contains(closed);
    }

    @Test
    void aSecondOpenRoundInARegionIsRefused() {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        long zuid = regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL)).id();
        Round open = rounds.open(noord, "sto-borging", OPENED, DEADLINE);

        assertThatThrownBy(() -> rounds.open(noord, "sto-borging", OPENED, DEADLINE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has an open round");
        assertThat(rounds.ofRegion(noord)).containsExactly(open);
        assertThat(rounds.open(zuid, "sto-borging", OPENED, DEADLINE).number()).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfAllowsOneOpenRoundPerRegion() throws SQLException {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        rounds.open(noord, "sto-borging", OPENED, DEADLINE);

        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO round (region_id, number,"
                     + " questionnaire_id, state, opened_at, deadline) VALUES (?, 7, 'q', 'OPEN', 'x', 'y')")) {
            insert.setLong(1, noord);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aRoundKeepsTheAnonymityTheRegionHadWhenItOpened() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        regions.update(noord.withAnonymous(true));
        Round round = rounds.open(noord.id(), "sto-borging", OPENED, DEADLINE);
        regions.update(noord.withAnonymous(false));

        assertThat(round.anonymous()).isTrue();
        assertThat(rounds.byId(round.id()).orElseThrow().anonymous()).isTrue();
    }

    @Test
    void theLabelsOfARoundAreDrawnOnceAndKeptForWhoeverAsksLater() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        Partner anna = regions.addPartner(noord.id(), ANNA, "Anna de Vries", "Vmbo De Brug");
        Partner bram = regions.addPartner(noord.id(), BRAM, "Bram Bakker", "Gemeente Assen");
        Round round = rounds.open(noord.id(), "sto-borging", OPENED, DEADLINE);

        Map<Long, Integer> drawn = rounds.labelPositions(round.id(), List.of(bram.id(), anna.id()));
        Map<Long, Integer> again = rounds.labelPositions(round.id(), List.of(anna.id(), bram.id()));

        assertThat(drawn).isEqualTo(Map.of(bram.id(), 0, anna.id(), 1)).isEqualTo(again);
        Round other = rounds.open(regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL)).id(),
                "sto-borging", OPENED, DEADLINE);
        assertThat(rounds.labelPositions(other.id(), List.of())).isEmpty();
    }

    @Test
    void aScheduleKeepsItsWorkingHours() {
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        JdbcScheduleRepository schedules = new JdbcScheduleRepository(database.dataSource());
        Schedule schedule = Schedule.quarterly(noord.id(), noord.timeZone(), OPENED)
                .withWorkingHours(new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 15)));

        schedules.save(schedule);

        assertThat(schedules.of(noord.id())).contains(schedule);
    }

    @Test
    void aRoundInAnUnknownRegionIsRefused() {
        assertThatThrownBy(() -> rounds.open(42, "sto-borging", OPENED, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoundClosesOnlyOnce() {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        Round round = rounds.open(noord, "sto-borging", OPENED, DEADLINE);

        assertThat(rounds.close(round.id(), DEADLINE)).isTrue();
        assertThat(rounds.close(round.id(), DEADLINE.plusSeconds(60))).isFalse();

        Round closed = rounds.byId(round.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(RoundState.CLOSED);
        assertThat(closed.closedAt()).contains(DEADLINE);
        assertThat(rounds.openRound(noord)).isEmpty();
        assertThat(rounds.allOpen()).isEmpty();
        assertThat(rounds.close(round.id() + 100, DEADLINE)).isFalse();
    }

    @Test
    void ofTwoConcurrentClosersExactlyOneCloses() throws Exception {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        for (int attempt = 0; attempt < 5; attempt++) {
            Round round = rounds.open(noord, "sto-borging", OPENED, DEADLINE);
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Boolean> closer = () -> {
                start.await(10, TimeUnit.SECONDS);
                return rounds.close(round.id(), DEADLINE);
            };
            assertThat(runTogether(closer, closer)).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void aClosedRoundIsMarkedReportedOnce() {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        Round round = rounds.open(noord, "sto-borging", OPENED, DEADLINE);

        assertThatThrownBy(() -> rounds.markReported(round.id())).isInstanceOf(IllegalStateException.class);
        rounds.close(round.id(), DEADLINE);
        rounds.markReported(round.id());
        rounds.markReported(round.id());

        assertThat(rounds.byId(round.id()).orElseThrow().state()).isEqualTo(RoundState.REPORTED);
        assertThatThrownBy(() -> rounds.markReported(999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void previousClosedIsTheLastClosedOrReportedRoundBeforeTheGivenNumber() {
        long noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        long zuid = regions.create(NewRegion.withDefaults("Regio Zuid", ZUID_CHANNEL)).id();
        Round first = rounds.open(noord, "sto-borging", OPENED, DEADLINE);
        rounds.close(first.id(), DEADLINE);
        rounds.markReported(first.id());
        Round second = rounds.open(noord, "sto-borging", OPENED, DEADLINE);
        rounds.close(second.id(), DEADLINE);
        Round third = rounds.open(noord, "sto-borging", OPENED, DEADLINE);
        Round zuidFirst = rounds.open(zuid, "sto-borging", OPENED, DEADLINE);
        rounds.close(zuidFirst.id(), DEADLINE);

        assertThat(rounds.previousClosed(noord, 4)).map(Round::id).contains(second.id());
        assertThat(rounds.previousClosed(noord, third.number())).map(Round::id).contains(second.id());
        assertThat(rounds.previousClosed(noord, second.number())).map(Round::id).contains(first.id());
        assertThat(rounds.previousClosed(noord, first.number())).isEmpty();
        assertThat(rounds.previousClosed(noord, 2).orElseThrow().state()).isEqualTo(RoundState.REPORTED);
        assertThat(rounds.previousClosed(zuid, 1)).isEmpty();
    }

    // ---------------------------------------------------------------- delivery failures

    @Test
    void aDeliveryFailureIsClaimedOncePerPartnerScopeAndReason() {
        JdbcDeliveryFailureLog log = new JdbcDeliveryFailureLog(database.dataSource());

        assertThat(log.claim(7, "round:1", DeliveryException.Reason.USER_UNREACHABLE, OPENED)).isTrue();
        assertThat(log.claim(7, "round:1", DeliveryException.Reason.USER_UNREACHABLE, DEADLINE)).isFalse();
        assertThat(log.claim(7, "round:1", DeliveryException.Reason.TEMPORARY, OPENED)).isTrue();
        assertThat(log.claim(7, "round:2", DeliveryException.Reason.USER_UNREACHABLE, OPENED)).isTrue();
        assertThat(log.claim(8, "round:1", DeliveryException.Reason.USER_UNREACHABLE, OPENED)).isTrue();
    }

    // ---------------------------------------------------------------- check-ins

    @Test
    void createOrGetStartsAtTheIntroAndIsIdempotent() {
        Fixture f = fixture();

        CheckIn created = checkIns.createOrGet(f.round, f.anna);
        CheckIn again = checkIns.createOrGet(f.round, f.anna);

        assertThat(created.step()).isEqualTo(Step.INTRO);
        assertThat(created.editing()).isFalse();
        assertThat(created.submittedAt()).isEmpty();
        assertThat(created.answers().reflections()).isEmpty();
        assertThat(created.answers().scores()).isEmpty();
        assertThat(again).isEqualTo(created);
        assertThat(checkIns.ofRound(f.round)).containsExactly(created);

        checkIns.saveReflection(created.id(), "denken", "samenwerking", Step.prompt(1), false, OPENED);
        CheckIn resumed = checkIns.createOrGet(f.round, f.anna);
        assertThat(resumed.id()).isEqualTo(created.id());
        assertThat(resumed.step()).isEqualTo(Step.prompt(1));
        assertThat(resumed.answers().reflections()).containsEntry("denken", "samenwerking");
    }

    @Test
    void aCheckInIsFoundByRoundAndPartnerAndById() {
        Fixture f = fixture();
        CheckIn anna = checkIns.createOrGet(f.round, f.anna);

        assertThat(checkIns.find(f.round, f.anna)).contains(anna);
        assertThat(checkIns.byId(anna.id())).contains(anna);
        assertThat(checkIns.find(f.round, f.bram)).isEmpty();
        assertThat(checkIns.byId(anna.id() + 1)).isEmpty();
    }

    @Test
    void aCheckInNeedsAnExistingRoundAndPartner() {
        Fixture f = fixture();

        assertThatThrownBy(() -> checkIns.createOrGet(f.round + 100, f.anna)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.createOrGet(f.round, f.anna + 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void savingAReflectionStoresItAndMovesOn() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();

        checkIns.moveTo(id, Step.prompt(0), false);
        checkIns.saveReflection(id, "denken", "Aan de lange termijn.", Step.prompt(1), false, OPENED);
        checkIns.saveReflection(id, "zien", "Meer stages.", Step.prompt(2), false, OPENED.plusSeconds(5));

        CheckIn read = checkIns.byId(id).orElseThrow();
        assertThat(read.step()).isEqualTo(Step.prompt(2));
        assertThat(read.answers().reflections())
                .isEqualTo(Map.of("denken", "Aan de lange termijn.", "zien", "Meer stages."));
    }

    @Test
    void aChangedAnswerReplacesTheEarlierOne() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();
        checkIns.saveReflection(id, "denken", "eerste gedachte", Step.prompt(1), false, OPENED);
        checkIns.saveScore(id, "cultuur", new Score(2, Optional.of("weinig")), Step.statement(1), false, OPENED);
        checkIns.moveTo(id, Step.SUMMARY, false);

        checkIns.moveTo(id, Step.prompt(0), true);
        checkIns.saveReflection(id, "denken", "tweede gedachte", Step.SUMMARY, true, OPENED.plusSeconds(60));
        checkIns.moveTo(id, Step.statement(0), true);
        checkIns.saveScore(id, "cultuur", new Score(4, Optional.empty()), Step.SUMMARY, false, OPENED.plusSeconds(90));

        CheckIn read = checkIns.byId(id).orElseThrow();
        assertThat(read.answers().reflections()).isEqualTo(Map.of("denken", "tweede gedachte"));
        assertThat(read.answers().scores()).isEqualTo(Map.of("cultuur", new Score(4, Optional.empty())));
        assertThat(read.step()).isEqualTo(Step.SUMMARY);
        assertThat(read.editing()).isFalse();
    }

    @Test
    void theEditingFlagIsStoredWithTheStep() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();

        checkIns.moveTo(id, Step.statement(3), true);
        assertThat(checkIns.byId(id).orElseThrow()).extracting(CheckIn::step, CheckIn::editing)
                .containsExactly(Step.statement(3), true);

        checkIns.saveScore(id, "systemen", new Score(3, Optional.empty()), Step.SUMMARY, false, OPENED);
        assertThat(checkIns.byId(id).orElseThrow()).extracting(CheckIn::step, CheckIn::editing)
                .containsExactly(Step.SUMMARY, false);
    }

    @Test
    void scoresKeepTheirNoteAndAnEmptyNoteIsStoredAsNull() throws SQLException {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();

        checkIns.saveScore(id, "cultuur", new Score(3, Optional.of("Zie het jaarplan.")), Step.statement(1), false, OPENED);
        checkIns.saveScore(id, "aanbod", new Score(5, Optional.empty()), Step.statement(2), false, OPENED);
        checkIns.saveScore(id, "betrokkenheid", new Score(1, Optional.of("")), Step.statement(3), false, OPENED);

        assertThat(checkIns.byId(id).orElseThrow().answers().scores()).isEqualTo(Map.of(
                "cultuur", new Score(3, Optional.of("Zie het jaarplan.")),
                "aanbod", new Score(5, Optional.empty()),
                "betrokkenheid", new Score(1, Optional.empty())));
        assertThat(storedNotes(id)).containsExactly("aanbod=null", "betrokkenheid=null", "cultuur=Zie het jaarplan.");
    }

    @Test
    void unicodeTextComesBackUnchanged() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();
        String reflection = "één ĳsbeer, coöperatie & “quotes” — 👍🏽🚀 tab\there, new\nline";
        String note = "Ça va; 日本語; emoji 👩‍🔧";

        checkIns.saveReflection(id, "denken", reflection, Step.prompt(1), false, OPENED);
        checkIns.saveScore(id, "één", new Score(4, Optional.of(note)), Step.statement(1), false, OPENED);

        CheckIn read = checkIns.byId(id).orElseThrow();
        assertThat(read.answers().reflections()).containsEntry("denken", reflection);
        assertThat(read.answers().scores()).containsEntry("één", new Score(4, Optional.of(note)));
    }

    @Test
    void fiftyKilobytesOfTextComeBackWhole() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();
        StringBuilder long50k = new StringBuilder();
        for (int i = 0; long50k.length() < 50 * 1024; i++) {
            long50k.append("Regel ").append(i).append(": één stap verder 🚀\n");
        }
        String text = long50k.toString();

        checkIns.saveReflection(id, "vragen", text, Step.statement(0), false, OPENED);
        checkIns.saveScore(id, "inzicht", new Score(2, Optional.of(text)), Step.statement(1), false, OPENED);

        CheckIn read = checkIns.byId(id).orElseThrow();
        assertThat(read.answers().reflections().get("vragen")).isEqualTo(text);
        assertThat(read.answers().scores().get("inzicht").note()).contains(text);
    }

    @Test
    void submittingKeepsTheFirstTimeAndEndsAtDone() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();
        Instant first = Instant.parse("2027-01-05T10:15:30.123456Z");

        checkIns.moveTo(id, Step.SUMMARY, false);
        checkIns.submit(id, first);
        CheckIn submitted = checkIns.byId(id).orElseThrow();
        assertThat(submitted.submittedAt()).contains(first);
        assertThat(submitted.submitted()).isTrue();
        assertThat(submitted.step()).isEqualTo(Step.DONE);

        checkIns.moveTo(id, Step.statement(2), true);
        checkIns.saveScore(id, "communiceren", new Score(5, Optional.empty()), Step.SUMMARY, true, first.plusSeconds(3600));
        checkIns.submit(id, first.plusSeconds(7200));

        CheckIn resubmitted = checkIns.byId(id).orElseThrow();
        assertThat(resubmitted.submittedAt()).contains(first);
        assertThat(resubmitted.step()).isEqualTo(Step.DONE);
        assertThat(resubmitted.editing()).isFalse();
    }

    @Test
    void ofRoundListsEveryCheckInWithItsOwnAnswers() {
        Fixture f = fixture();
        long anna = checkIns.createOrGet(f.round, f.anna).id();
        long bram = checkIns.createOrGet(f.round, f.bram).id();
        checkIns.saveScore(anna, "cultuur", new Score(2, Optional.empty()), Step.statement(1), false, OPENED);
        checkIns.saveScore(bram, "cultuur", new Score(5, Optional.of("goed")), Step.statement(1), false, OPENED);
        checkIns.saveReflection(bram, "zien", "veel", Step.prompt(2), false, OPENED);
        checkIns.submit(bram, DEADLINE);

        List<CheckIn> all = checkIns.ofRound(f.round);

        assertThat(all).extracting(CheckIn::id).containsExactly(anna, bram);
        assertThat(all.get(0).answers().scores()).isEqualTo(Map.of("cultuur", new Score(2, Optional.empty())));
        assertThat(all.get(0).answers().reflections()).isEmpty();
        assertThat(all.get(1).answers().scores()).isEqualTo(Map.of("cultuur", new Score(5, Optional.of("goed"))));
        assertThat(all.get(1).answers().reflections()).isEqualTo(Map.of("zien", "veel"));
        assertThat(all.get(1).submitted()).isTrue();
        assertThat(checkIns.ofRound(f.round + 100)).isEmpty();
    }

    @Test
    void anAnswerAndItsStepAreStoredTogetherOrNotAtAll() throws SQLException {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();
        checkIns.saveReflection(id, "denken", "eerst", Step.prompt(1), false, OPENED);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            breakAnswerInserts(statement);
        }

        assertThatThrownBy(() -> checkIns.saveReflection(id, "zien", "tweede", Step.prompt(2), false, OPENED))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("save reflection zien");
        assertThatThrownBy(() -> checkIns.saveScore(id, "cultuur", new Score(3, Optional.empty()), Step.statement(1),
                true, OPENED)).isInstanceOf(StoreException.class);

        CheckIn read = checkIns.byId(id).orElseThrow();
        assertThat(read.step()).isEqualTo(Step.prompt(1));
        assertThat(read.editing()).isFalse();
        assertThat(read.answers().reflections()).isEqualTo(Map.of("denken", "eerst"));
        assertThat(read.answers().scores()).isEmpty();
    }

    @Test
    void writingToAnUnknownCheckInFailsAndStoresNothing() {
        Fixture f = fixture();
        long id = checkIns.createOrGet(f.round, f.anna).id();
        long unknown = id + 100;

        assertThatThrownBy(() -> checkIns.moveTo(unknown, Step.SUMMARY, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.saveReflection(unknown, "denken", "x", Step.prompt(1), false, OPENED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.saveScore(unknown, "cultuur", new Score(1, Optional.empty()), Step.SUMMARY,
                false, OPENED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIns.submit(unknown, OPENED)).isInstanceOf(IllegalArgumentException.class);
        assertThat(checkIns.byId(unknown)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** A region with two partners and an open round. */
    record Fixture(long region, long anna, long bram, long round) {
    }

    Fixture fixture() {
        long region = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL)).id();
        long anna = regions.addPartner(region, ANNA, "Anna de Vries", "Vmbo De Brug").id();
        long bram = regions.addPartner(region, BRAM, "Bram Bakker", "Gemeente Assen").id();
        long round = rounds.open(region, "sto-borging", OPENED, DEADLINE).id();
        return new Fixture(region, anna, bram, round);
    }

    private List<String> storedNotes(long checkInId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT item_id, text FROM answer WHERE checkin_id = ? AND kind = 'score' ORDER BY item_id")) {
            select.setLong(1, checkInId);
            List<String> notes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    notes.add(rows.getString(1) + "=" + rows.getString(2));
                }
            }
            return notes;
        }
    }

    @Test
    void aHandledEventKeyCountsOnceAndIsForgottenAfterItsTime() throws Exception {
        JdbcHandledEvents handled = new JdbcHandledEvents(database.dataSource());
        Instant at = Instant.parse("2027-01-04T08:00:00Z");
        assertThat(handled.handled("slack:event:Ev1")).isFalse();

        // two instances recording the same event at once: one row, no error
        runTogether(() -> { handled.remember("slack:event:Ev1", at); return null; },
                () -> { handled.remember("slack:event:Ev1", at); return null; });
        handled.remember("teams:activity:a1", at.plusSeconds(3600));

        assertThat(handled.handled("slack:event:Ev1")).isTrue();
        assertThat(handled.forgetBefore(at.plusSeconds(60))).isEqualTo(1);
        assertThat(handled.handled("slack:event:Ev1")).isFalse();
        assertThat(handled.handled("teams:activity:a1")).isTrue();
    }

    @SafeVarargs
    static <T> List<T> runTogether(Callable<T>... tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- national consent

    @Test
    void aRegionSharesNothingUntilItSaysSoAndStopsWhenItSaysSo() {
        JdbcConsentRepository consents = new JdbcConsentRepository(database.dataSource());
        Region noord = regions.create(NewRegion.withDefaults("Regio Noord", NOORD_CHANNEL));
        assertThat(consents.sharing(noord.id())).isFalse();
        assertThat(consents.sharingRegions()).isEmpty();

        consents.set(noord.id(), true, Instant.parse("2027-01-11T09:00:00Z"));
        assertThat(consents.sharing(noord.id())).isTrue();
        assertThat(consents.sharingRegions()).containsExactly(noord.id());

        consents.set(noord.id(), false, Instant.parse("2027-01-12T09:00:00Z"));
        assertThat(consents.sharing(noord.id())).isFalse();
        assertThat(consents.sharingRegions()).isEmpty();
    }

    // ---------------------------------------------------------------- the outbox

    private static OutboxStore.New outboxRow(String target, String targetId, Optional<Integer> parent) {
        return new OutboxStore.New(Envelope.Kind.REPORT, new Envelope.About(1, 2, 3), Platform.of("slack"), "T01",
                target, targetId, parent, "[]");
    }

    @Test
    void anOutboxRowIsClaimedByOneDispatcherAndAThreadReplyOnlyAfterItsParent() {
        JdbcOutboxStore outbox = new JdbcOutboxStore(database.dataSource());
        outbox.add("batch-1", List.of(outboxRow("channel", "C1", Optional.empty()),
                outboxRow("thread", "", Optional.of(0))), OPENED);

        List<OutboxStore.Row> first = outbox.claim(OPENED, OPENED.plusSeconds(300), 10);
        assertThat(first).singleElement().satisfies(row -> assertThat(row.target()).isEqualTo("channel"));
        assertThat(outbox.claim(OPENED, OPENED.plusSeconds(300), 10)).isEmpty();
        outbox.delivered(first.get(0).id(), 1, OPENED, Optional.of(new PostedMessage(NOORD_CHANNEL, "ts-1")), OPENED);

        assertThat(outbox.claim(OPENED, OPENED.plusSeconds(300), 10)).singleElement().satisfies(reply -> {
            assertThat(reply.target()).isEqualTo("thread");
            assertThat(reply.parentPost()).contains(new PostedMessage(NOORD_CHANNEL, "ts-1"));
        });
        assertThat(outbox.unfinished()).isEqualTo(1);
        assertThat(outbox.batch("batch-1")).extracting(OutboxStore.Outcome::state)
                .containsExactly(OutboxStore.State.DELIVERED, OutboxStore.State.SENDING);
    }

    @Test
    void anOutboxRowIsRetriedAtItsNextAttemptAndALeaseThatRanOutIsClaimedAgain() {
        JdbcOutboxStore outbox = new JdbcOutboxStore(database.dataSource());
        outbox.add("batch-1", List.of(outboxRow("user", "U1", Optional.empty()), outboxRow("user", "U2", Optional.empty())),
                OPENED);
        List<OutboxStore.Row> claimed = outbox.claim(OPENED, OPENED.plusSeconds(300), 10);
        assertThat(claimed).hasSize(2);
        outbox.retry(claimed.get(0).id(), 1, OPENED, OPENED.plusSeconds(30), DeliveryException.Reason.TEMPORARY, "429");

        assertThat(outbox.nextDue()).contains(OPENED.plusSeconds(30));
        assertThat(outbox.claim(OPENED.plusSeconds(29), OPENED.plusSeconds(400), 10)).isEmpty();
        assertThat(outbox.claim(OPENED.plusSeconds(30), OPENED.plusSeconds(400), 10)).singleElement()
                .satisfies(row -> assertThat(row.attempts()).isEqualTo(1));
        // the other row's dispatcher died: its lease runs out, and another dispatcher takes it
        assertThat(outbox.claim(OPENED.plusSeconds(300), OPENED.plusSeconds(600), 10)).singleElement()
                .satisfies(row -> assertThat(row.targetId()).isEqualTo("U2"));
        outbox.failed(claimed.get(1).id(), 1, OPENED, DeliveryException.Reason.USER_GONE, "account_inactive", OPENED);
        assertThat(outbox.batch("batch-1").get(1)).satisfies(o -> {
            assertThat(o.state()).isEqualTo(OutboxStore.State.FAILED);
            assertThat(o.reason()).contains(DeliveryException.Reason.USER_GONE);
            assertThat(o.about()).isEqualTo(new Envelope.About(1, 2, 3));
        });
    }

    @Test
    void anOverdueRowIsMarkedOnceAndAFanOutsOutcomeIsToldOnceWithItsRows() {
        JdbcOutboxStore outbox = new JdbcOutboxStore(database.dataSource());
        outbox.add("batch-1", new OutboxStore.Fanout("round-opened", 1, 2, 3, ""),
                List.of(outboxRow("user", "U1", Optional.empty()), outboxRow("user", "U2", Optional.empty())), OPENED);
        List<OutboxStore.Row> claimed = outbox.claim(OPENED, OPENED.plusSeconds(300), 10);
        outbox.retry(claimed.get(0).id(), 1, OPENED, OPENED.plusSeconds(3600), DeliveryException.Reason.TEMPORARY, "429");
        outbox.delivered(claimed.get(1).id(), 1, OPENED.plusSeconds(60), Optional.empty(), OPENED.plusSeconds(60));

        // only the row first tried at or before the cut-off, and only once
        assertThat(outbox.markOverdue("batch-1", OPENED.minusSeconds(1), OPENED.plusSeconds(3600))).isEmpty();
        assertThat(outbox.markOverdue("batch-1", OPENED, OPENED.plusSeconds(3600))).singleElement()
                .satisfies(row -> assertThat(row.id()).isEqualTo(claimed.get(0).id()));
        assertThat(outbox.markOverdue("batch-1", OPENED.plusSeconds(3600), OPENED.plusSeconds(3700))).isEmpty();

        assertThat(outbox.untold("batch-1")).contains(new OutboxStore.Fanout("round-opened", 1, 2, 3, ""));
        assertThat(outbox.doneButUntold()).isEmpty(); // a row is still pending
        outbox.delivered(claimed.get(0).id(), 2, OPENED, Optional.empty(), OPENED.plusSeconds(3700));
        assertThat(outbox.doneButUntold()).containsExactly("batch-1");

        assertThat(outbox.tell("batch-1", List.of(outboxRow("user", "PM", Optional.empty())), OPENED.plusSeconds(3700)))
                .isTrue();
        assertThat(outbox.tell("batch-1", List.of(outboxRow("user", "PM", Optional.empty())), OPENED.plusSeconds(3701)))
                .isFalse();
        assertThat(outbox.untold("batch-1")).isEmpty();
        assertThat(outbox.doneButUntold()).isEmpty();
        assertThat(outbox.batch("batch-1")).extracting(OutboxStore.Outcome::state).containsExactly(
                OutboxStore.State.DELIVERED, OutboxStore.State.DELIVERED, OutboxStore.State.PENDING);
    }
}
