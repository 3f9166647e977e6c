package nl.borgingsbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/** A restart of the bot in the middle of a conversation loses nothing. */
class SqlitePersistenceTest {

    private static final ChatChannel CHANNEL = new ChatChannel(Platform.of("slack"), "T01", "C0NOORD");
    private static final ChatUser ANNA = new ChatUser(Platform.of("slack"), "T01", "UANNA");
    private static final Instant OPENED = Instant.parse("2027-01-04T08:00:00.123456Z");
    private static final Instant DEADLINE = Instant.parse("2027-01-18T17:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aConversationResumesExactlyAfterTheDatabaseIsReopened() {
        String url = "jdbc:sqlite:" + directory.resolve("data/borgingsbot.db");
        Region region;
        Partner anna;
        Round round;
        CheckIn before;
        try (Database database = Database.open(url, "", "")) {
            JdbcRegionRepository regions = new JdbcRegionRepository(database.dataSource());
            JdbcRoundRepository rounds = new JdbcRoundRepository(database.dataSource());
            JdbcCheckInRepository checkIns = new JdbcCheckInRepository(database.dataSource());
            region = regions.create(NewRegion.withDefaults("Regio Noord", CHANNEL));
            regions.addManager(region.id(), ANNA);
            anna = regions.addPartner(region.id(), ANNA, "Anna de Vries", "Vmbo De Brug");
            round = rounds.open(region.id(), "sto-borging", OPENED, DEADLINE);

            long id = checkIns.createOrGet(round.id(), anna.id()).id();
            checkIns.moveTo(id, Step.prompt(0), false);
            checkIns.saveReflection(id, "denken", "Aan één gezamenlijk plan.", Step.prompt(1), false, OPENED);
            checkIns.saveReflection(id, "zien", "Meer stages 👍", Step.prompt(2), false, OPENED);
            checkIns.saveReflection(id, "vragen", "Wie betaalt na 2027?", Step.statement(0), false, OPENED);
            checkIns.saveScore(id, "cultuur", new Score(3, Optional.of("Staat in het jaarplan.")), Step.statement(1),
                    false, OPENED);
            checkIns.saveScore(id, "aanbod", new Score(4, Optional.empty()), Step.statement(2), false, OPENED);
            before = checkIns.byId(id).orElseThrow();
        }

        try (Database database = Database.open(url, "", "")) {
            JdbcRegionRepository regions = new JdbcRegionRepository(database.dataSource());
            JdbcRoundRepository rounds = new JdbcRoundRepository(database.dataSource());
            JdbcCheckInRepository checkIns = new JdbcCheckInRepository(database.dataSource());

            assertThat(regions.byChannel(CHANNEL)).contains(region);
            assertThat(regions.managers(region.id())).containsExactly(ANNA);
            assertThat(regions.partners(region.id())).containsExactly(anna);
            assertThat(rounds.openRound(region.id())).contains(round);

            CheckIn after = checkIns.find(round.id(), anna.id()).orElseThrow();
            assertThat(after).isEqualTo(before);
            assertThat(after.step()).isEqualTo(Step.statement(2));
            assertThat(after.editing()).isFalse();
            assertThat(after.submittedAt()).isEmpty();
            assertThat(after.answers().reflections()).isEqualTo(Map.of(
                    "denken", "Aan één gezamenlijk plan.",
                    "zien", "Meer stages 👍",
                    "vragen", "Wie betaalt na 2027?"));
            assertThat(after.answers().scores()).isEqualTo(Map.of(
                    "cultuur", new Score(3, Optional.of("Staat in het jaarplan.")),
                    "aanbod", new Score(4, Optional.empty())));

            assertThat(checkIns.createOrGet(round.id(), anna.id())).isEqualTo(before);
        }
    }
}
