package nl.borgingsbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.testing.TestBot;

/** Free text older than the region's last N rounds is deleted by the scheduler; the scores stay. */
class RetentionTest {

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void threeClosedRounds() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.regionWithPartners("U1");
        for (int round = 0; round < 3; round++) {
            test.command(TestBot.ADMIN, "ronde start");
            test.dm("U1", "start");
            test.dm("U1", "denken " + round);
            test.dm("U1", "zien " + round);
            test.dm("U1", "vragen " + round);
            test.dm("U1", "4 omdat ronde " + round);
            for (int i = 0; i < 6; i++) {
                test.dm("U1", "3");
            }
            test.dm("U1", "versturen");
            test.command(TestBot.ADMIN, "ronde sluit");
            test.clock().advance(Duration.ofDays(90));
        }
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private CheckIn checkInOf(Round round) {
        return test.database().repositories().checkIns().ofRound(round.id()).get(0);
    }

    @Test
    void onlyTheLastRoundsKeepTheirTextAndEveryRoundKeepsItsScores() {
        ScheduleRunner runner = test.scheduleRunner(2);

        assertThat(runner.tick().erased()).isEqualTo(4); // round 1: three reflections and one toelichting
        assertThat(runner.tick().erased()).isZero();

        List<Round> rounds = test.database().repositories().rounds().ofRegion(1);
        CheckIn oldest = checkInOf(rounds.get(0));
        assertThat(oldest.answers().reflections()).isEmpty();
        assertThat(oldest.answers().scores()).hasSize(7).allSatisfy((element, score) -> assertThat(score.note()).isEmpty());
        assertThat(oldest.answers().scores().get("cultuur").value()).isEqualTo(4);
        assertThat(checkInOf(rounds.get(1)).answers().reflections()).containsValue("denken 1");
        assertThat(checkInOf(rounds.get(2)).answers().scores().get("cultuur").note()).contains("omdat ronde 2");
    }
}
