package nl.borgingsbot.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.testing.TestBot;

/** "mijn gegevens" shows a person exactly what is stored; "vergeet mij" leaves no trace of them. */
class PrivacyTest {

    private static final List<String> TEXTS = List.of("Anna denkt aan de lange termijn", "Anna ziet veel overleg",
            "Anna vraagt zich af wie betaalt", "omdat Anna het schoolplan kent");

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void aClosedRoundAndAnOpenOne() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.regionWithPartners("U1", "U2");
        test.command(TestBot.ADMIN, "actie 5 Uren regelen @{U1}");
        test.command(TestBot.ADMIN, "ronde start");
        test.dm("U1", "start");
        test.dm("U1", TEXTS.get(0));
        test.dm("U1", TEXTS.get(1));
        test.dm("U1", TEXTS.get(2));
        test.dm("U1", "4 " + TEXTS.get(3));
        for (int i = 0; i < 6; i++) {
            test.dm("U1", "2");
        }
        test.dm("U1", "versturen");
        test.answerAll("U2", 3, 3, 3, 3, 3, 3, 3);
        test.command(TestBot.ADMIN, "ronde sluit");
        test.clock().advance(Duration.ofDays(30));
        test.command(TestBot.ADMIN, "ronde start");
        test.dm("U1", "start");
        test.dm("U1", "bezig"); // first the follow-up of the action U1 owns
        test.dm("U1", "Anna in de tweede ronde");
        test.dm("U1", "zien 2");
        test.dm("U1", "vragen 2"); // now at the statements, where a command word is a command again
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void myDataShowsExactlyWhatIsStored() {
        String data = test.dm("U1", "mijn gegevens");

        assertThat(data).contains("Wat Borgingsbot over je bewaart").contains("gebruiker U1")
                .contains("Regio Noord — Organisatie U1 (U1)")
                .contains("Ronde 1, verstuurd op").contains("Ronde 2, nog niet verstuurd")
                .contains("> Anna in de tweede ronde")
                .contains("1 · Cultuur van de organisatie: 4").contains("Actie 1 · Structuur en systemen · bezig");
        for (String text : TEXTS) {
            assertThat(data).contains(text);
        }
        assertThat(data).doesNotContain("Denken U2");

        Part.File json = test.slack().directsTo("U1").stream().flatMap(d -> d.message().parts().stream())
                .filter(Part.File.class::isInstance).map(Part.File.class::cast).findFirst().orElseThrow();
        String content = new String(json.content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json.fileName()).isEqualTo("mijn-gegevens.json");
        assertThat(content).contains("\"userId\" : \"U1\"").contains("\"organisation\" : \"Organisatie U1\"")
                .contains("\"score\" : 4").doesNotContain("Denken U2");
        for (String text : TEXTS) {
            assertThat(content).contains(text);
        }
    }

    @Test
    void forgettingAPersonLeavesNoTraceButKeepsThePostedMeans() throws Exception {
        Region region = test.database().repositories().regions().byName("Noord").orElseThrow();
        Round first = test.database().repositories().rounds().ofRegion(region.id()).get(0);
        List<Double> meansBefore = means(region, first);

        List<Message> ask = test.bot().handle(new InboundEvent.TextReply(TestBot.user("U1"), Optional.empty(), "vergeet mij"));
        assertThat(TestBot.render(ask)).contains("Weet je het zeker?");
        Part.Choice confirm = ((Part.Actions) ask.get(0).parts().get(1)).buttons().get(0);
        String done = TestBot.render(test.bot().handle(new InboundEvent.ChoiceMade(TestBot.user("U1"), Optional.empty(),
                confirm.actionId(), confirm.value(), Optional.empty())));

        assertThat(done).contains("Je bent vergeten");
        List<String> stored = everyStoredText();
        assertThat(stored).noneMatch(value -> value.equals("U1") || value.contains("Organisatie U1"));
        for (String text : TEXTS) {
            assertThat(stored).noneMatch(value -> value.contains(text));
        }
        assertThat(stored).noneMatch(value -> value.contains("Anna in de tweede ronde"));
        assertThat(means(region, first)).isEqualTo(meansBefore);
        assertThat(test.dm("U1", "start")).contains("geen check-in");
    }

    @Test
    void aProgrammeManagerForgetsSomeoneWhoLeftOthersCannot() {
        assertThat(test.command("U2", "vergeet @{U1}")).contains("Alleen een programmamanager");
        assertThat(test.command(TestBot.ADMIN, "vergeet @{U1}")).contains("Weet je het zeker?").contains("@U1");
        assertThat(test.command(TestBot.ADMIN, "vergeet @{U1} bevestig")).contains("@U1 is vergeten");
        assertThat(test.command(TestBot.ADMIN, "partners")).doesNotContain("Organisatie U1");
        assertThat(test.command(TestBot.ADMIN, "vergeet @{U9}")).contains("Alleen een programmamanager");
    }

    private List<Double> means(Region region, Round round) {
        return test.bot().reports().report(region, round).stats().stream().map(ElementStats::mean).toList();
    }

    /** Every text value in every table of the database. */
    private List<String> everyStoredText() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = test.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            if (value instanceof String text) {
                                values.add(text);
                            }
                        }
                    }
                }
            }
        }
        assertThat(values).isNotEmpty();
        return values;
    }
}
