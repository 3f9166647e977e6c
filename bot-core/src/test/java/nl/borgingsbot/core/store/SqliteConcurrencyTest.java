package nl.borgingsbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.round.Round;

/**
 * Writers to one SQLite file take turns instead of failing with SQLITE_BUSY: within one
 * {@link Database} (its pool has several connections) and across two, as two bot processes on the
 * same file would be.
 */
class SqliteConcurrencyTest {

    private static final int WRITES_PER_THREAD = 150;
    private static final Instant AT = Instant.parse("2027-01-04T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void twoThreadsOnOneDatabaseWriteAnswersAtTheSameTime() throws Exception {
        try (Database database = Database.open(url(), "", "")) {
            writeConcurrently(database, database);
        }
    }

    @Test
    void twoDatabasesOnOneFileWriteAnswersAtTheSameTime() throws Exception {
        try (Database first = Database.open(url(), "", "");
             Database second = Database.open(url(), "", "")) {
            writeConcurrently(first, second);
        }
    }

    /**
     * Opening a round reads the last number before it inserts: a transaction that starts as a
     * reader and then writes, which SQLite cannot make wait (SQLITE_BUSY at once) unless it
     * began IMMEDIATE.
     */
    @Test
    void twoDatabasesOnOneFileOpenAndCloseRoundsAtTheSameTime() throws Exception {
        try (Database first = Database.open(url(), "", "");
             Database second = Database.open(url(), "", "")) {
            JdbcRegionRepository regions = new JdbcRegionRepository(first.dataSource());
            long noord = regions.create(NewRegion.withDefaults("Regio Noord",
                    new ChatChannel(Platform.of("slack"), "T01", "C01"))).id();
            long zuid = regions.create(NewRegion.withDefaults("Regio Zuid",
                    new ChatChannel(Platform.of("slack"), "T01", "C02"))).id();
            CyclicBarrier start = new CyclicBarrier(2);

            List<Integer> opened = RepositoryContractTest.runTogether(
                    roundOpener(start, new JdbcRoundRepository(first.dataSource()), noord),
                    roundOpener(start, new JdbcRoundRepository(second.dataSource()), zuid));

            assertThat(opened).containsExactly(WRITES_PER_THREAD, WRITES_PER_THREAD);
        }
    }

    private static Callable<Integer> roundOpener(CyclicBarrier start, JdbcRoundRepository rounds, long region) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            int last = 0;
            for (int i = 0; i < WRITES_PER_THREAD; i++) {
                Round round = rounds.open(region, "sto-borging", AT, AT.plusSeconds(86400));
                rounds.close(round.id(), AT);
                last = round.number();
            }
            return last;
        };
    }

    private void writeConcurrently(Database first, Database second) throws Exception {
        JdbcRegionRepository regions = new JdbcRegionRepository(first.dataSource());
        long region = regions.create(NewRegion.withDefaults("Regio Noord",
                new ChatChannel(Platform.of("slack"), "T01", "C01"))).id();
        long anna = regions.addPartner(region, new ChatUser(Platform.of("slack"), "T01", "UANNA"), "Anna", "Vmbo").id();
        long bram = regions.addPartner(region, new ChatUser(Platform.of("slack"), "T01", "UBRAM"), "Bram", "Mbo").id();
        long round = new JdbcRoundRepository(first.dataSource()).open(region, "sto-borging", AT, AT.plusSeconds(86400)).id();
        JdbcCheckInRepository firstCheckIns = new JdbcCheckInRepository(first.dataSource());
        JdbcCheckInRepository secondCheckIns = new JdbcCheckInRepository(second.dataSource());
        long annaCheckIn = firstCheckIns.createOrGet(round, anna).id();
        long bramCheckIn = secondCheckIns.createOrGet(round, bram).id();

        CyclicBarrier start = new CyclicBarrier(3);
        RepositoryContractTest.runTogether(
                writer(start, firstCheckIns, annaCheckIn),
                writer(start, secondCheckIns, bramCheckIn),
                reader(start, firstCheckIns, round));

        for (long checkIn : List.of(annaCheckIn, bramCheckIn)) {
            CheckIn stored = firstCheckIns.byId(checkIn).orElseThrow();
            assertThat(stored.answers().reflections()).hasSize(WRITES_PER_THREAD / 2);
            assertThat(stored.answers().scores()).hasSize(WRITES_PER_THREAD / 2);
            assertThat(stored.step()).isEqualTo(Step.statement(WRITES_PER_THREAD - 1));
        }
    }

    /** Alternates reflections and scores on one check-in, each write its own transaction. */
    private static Callable<Integer> writer(CyclicBarrier start, JdbcCheckInRepository checkIns, long checkIn) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < WRITES_PER_THREAD; i++) {
                if (i % 2 == 0) {
                    checkIns.saveReflection(checkIn, "prompt-" + i, "antwoord " + i, Step.prompt(i), false, AT);
                } else {
                    checkIns.saveScore(checkIn, "element-" + i, new Score(1 + i % 5, Optional.of("toelichting " + i)),
                            Step.statement(i), false, AT);
                }
            }
            return WRITES_PER_THREAD;
        };
    }

    /** Reads the round while the writers write, as a progress report would. */
    private static Callable<Integer> reader(CyclicBarrier start, JdbcCheckInRepository checkIns, long round) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            int reads = 0;
            for (int i = 0; i < WRITES_PER_THREAD; i++) {
                assertThat(checkIns.ofRound(round)).hasSize(2);
                reads++;
            }
            return reads;
        };
    }

    private String url() {
        return "jdbc:sqlite:" + directory.resolve("shared.db");
    }
}
