package nl.borgingsbot.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.report.PartnerLine;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.testing.TestBot;

/**
 * In an anonymous region "Partner A, B, C…" must not be traceable to an organisation: the labels
 * are drawn at random per round (here from a seeded source), stored with the round, and every
 * place that shows the round — the report, its thread, the export — uses the same ones. Lists of
 * people are alphabetical, never in the order partners joined.
 */
class AnonymousLabelsTest {

    /** Partner Ui answers every statement with score i, so a label's scores say who it is. */
    private static final List<String> PARTNERS = List.of("U1", "U2", "U3", "U4", "U5");
    /** The order the partners joined in (and of their database ids). */
    private static final List<String> JOIN_ORDER = PARTNERS;

    @TempDir
    Path dir;

    private TestBot test;

    @AfterEach
    void stop() {
        if (test != null) {
            test.close();
        }
    }

    private void anonymousRegion(Random random) {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"), random);
        test.regionWithPartners(PARTNERS.toArray(String[]::new));
        test.command(TestBot.ADMIN, "regio anoniem aan");
    }

    /** Opens a round, lets every partner answer (score i, with a toelichting naming them) and closes it. */
    private Round aClosedRoundEveryoneAnswered() {
        test.command(TestBot.ADMIN, "ronde start");
        for (String user : PARTNERS) {
            String score = user.substring(1);
            test.dm(user, "start");
            test.dm(user, "Denken " + user);
            test.dm(user, "Zien " + user);
            test.dm(user, "Vragen " + user);
            for (int statement = 0; statement < 7; statement++) {
                test.dm(user, score + " omdat toelichting van " + user);
            }
            test.dm(user, "versturen");
        }
        test.command(TestBot.ADMIN, "ronde sluit");
        List<Round> rounds = test.database().repositories().rounds().ofRegion(region().id());
        return rounds.get(rounds.size() - 1);
    }

    private Region region() {
        return test.database().repositories().regions().byName("Noord").orElseThrow();
    }

    /** Who each label of the round's report stands for, in label order. */
    private Map<String, String> reportLabels(Round round) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (PartnerLine line : test.bot().reports().report(region(), round).partnerLines()) {
            labels.put(line.label(), "U" + line.scoresByElementId().values().iterator().next());
        }
        return labels;
    }

    private static List<String> inLabelOrder(Map<String, String> labels) {
        return new ArrayList<>(labels.values());
    }

    /** The workbook the programme manager gets in their DM with "export". */
    private XSSFWorkbook export() throws Exception {
        test.command(TestBot.ADMIN, "export");
        List<Part> parts = test.slack().directsTo(TestBot.ADMIN).get(test.slack().directsTo(TestBot.ADMIN).size() - 1)
                .message().parts();
        byte[] xlsx = parts.stream().filter(Part.File.class::isInstance).map(p -> ((Part.File) p).content())
                .findFirst().orElseThrow();
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    @Test
    void withTheSamePartnersTwoRoundsGetDifferentLabelsAndNeitherFollowsTheOrderPartnersJoinedIn() {
        anonymousRegion(new Random(12));

        List<String> first = inLabelOrder(reportLabels(aClosedRoundEveryoneAnswered()));
        List<String> second = inLabelOrder(reportLabels(aClosedRoundEveryoneAnswered()));

        assertThat(first).containsExactlyInAnyOrderElementsOf(PARTNERS).isNotEqualTo(JOIN_ORDER);
        assertThat(second).containsExactlyInAnyOrderElementsOf(PARTNERS).isNotEqualTo(JOIN_ORDER)
                .isNotEqualTo(first);
    }

    @Test
    void theReportItsThreadTheExportAndAReportPostedAgainAgreeOnWhoIsPartnerA() throws Exception {
        anonymousRegion(new Random(12));
        Round round = aClosedRoundEveryoneAnswered();
        Map<String, String> labels = reportLabels(round);
        assertThat(inLabelOrder(labels)).isNotEqualTo(JOIN_ORDER);

        // the thread quotes the reflections without names, in label order — not in the order partners joined
        String thread = TestBot.TEXT.render(test.slack().replies().get(0).message());
        List<Integer> positions = inLabelOrder(labels).stream().map(user -> thread.indexOf("Denken " + user)).toList();
        assertThat(positions).isSorted().doesNotContain(-1);

        // the export, after a restart with another random source, says the same
        test.restart();
        try (XSSFWorkbook workbook = export()) {
            XSSFSheet radar = workbook.getSheet("Radargrafiek");
            Row header = radar.getRow(3); // under the question, the round's facts and a blank row
            Row firstStatement = radar.getRow(4);
            for (int column = 3; column < 3 + PARTNERS.size(); column++) {
                String label = header.getCell(column).getStringCellValue();
                assertThat("U" + (int) firstStatement.getCell(column).getNumericCellValue()).as(label)
                        .isEqualTo(labels.get(label));
            }
            XSSFSheet notes = workbook.getSheet("Toelichtingen");
            for (int r = 1; r <= PARTNERS.size(); r++) {
                Row row = notes.getRow(r);
                String label = row.getCell(1).getStringCellValue();
                assertThat(row.getCell(3).getStringCellValue()).as(label).endsWith("toelichting van " + labels.get(label));
            }
        }

        // posted again: the same labels
        assertThat(test.command(TestBot.ADMIN, "ronde rapport")).contains("staat in het regiokanaal");
        assertThat(reportLabels(round)).isEqualTo(labels);
    }

    @Test
    void partnersAndRoundStatusListPeopleAlphabeticallyNotInTheOrderTheyJoined() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.command(TestBot.ADMIN, "regio koppel Noord");
        test.command(TestBot.ADMIN, "regio anoniem aan");
        test.command(TestBot.ADMIN, "partner toevoegen @{U1|U1} Zuiderpoort College");
        test.command(TestBot.ADMIN, "partner toevoegen @{U2|U2} Aa-school");
        test.command(TestBot.ADMIN, "partner toevoegen @{U3|U3} Gemeente Midden");

        String partners = test.command(TestBot.ADMIN, "partners");
        assertThat(partners.indexOf("Aa-school")).isLessThan(partners.indexOf("Gemeente Midden"));
        assertThat(partners.indexOf("Gemeente Midden")).isLessThan(partners.indexOf("Zuiderpoort College"));

        test.command(TestBot.ADMIN, "ronde start");
        String status = test.command(TestBot.ADMIN, "ronde status");
        assertThat(status.indexOf("Aa-school")).isLessThan(status.indexOf("Gemeente Midden"));
        assertThat(status.indexOf("Gemeente Midden")).isLessThan(status.indexOf("Zuiderpoort College"));
    }
}
