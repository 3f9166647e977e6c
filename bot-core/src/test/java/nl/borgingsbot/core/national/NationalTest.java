package nl.borgingsbot.core.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.CoreAssembly;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.command.CoreCommands;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.Fixtures;
import nl.borgingsbot.core.testing.MutableClock;
import nl.borgingsbot.core.testing.RecordingGateway;
import nl.borgingsbot.core.testing.TestBot;

/**
 * The national comparison end to end, on a real SQLite file through the bot's one entry point:
 * seven regions hold a round (each partner gives the same score on all seven elements), typed as
 * people would. Noord is the region under test; the others:
 * <pre>
 *   region  shares  partners' scores   region mean   closed
 *   Oost    yes     3 3 3              3.0           now
 *   Zuid    yes     4 4 5 5            4.5           now      (the partners' pooled mean would be 3.46: one vote per region)
 *   West    yes     2 2 2              2.0           now
 *   Midden  yes     4 4 4              4.0           5 months ago (counts: within 6; silent: over 4)
 *   Kust    NO      1 1 1              1.0           now      (never appears outside Kust)
 *   Dal     yes     5 5 (third silent) 5.0           now      (2 responses: below the report's minimum of 3)
 * </pre>
 * By hand, for every element, the regions that count for Noord are Oost, Zuid, West and Midden:
 * mean (3 + 4.5 + 2 + 4) / 4 = 3.375; sorted 2, 3, 4, 4.5; P25 at rank (4−1)·0.25 = 0.75:
 * 2 + 0.75·(3 − 2) = 2.75; median at rank 1.5: 3.5; P75 at rank 2.25: 4 + 0.25·(4.5 − 4) = 4.125
 * (linear interpolation between closest ranks, Excel's PERCENTILE.INC).
 */
class NationalTest {

    private static final Instant NOW = Instant.parse("2027-01-11T09:00:00Z");
    private static final String ADMIN = TestBot.ADMIN;
    /** Noord's partners: Cultuur 4, Structurele betrokkenheid 2, the rest 3. */
    private static final int[] NOORD = {4, 3, 2, 3, 3, 3, 3};

    @TempDir
    Path dir;

    private final RecordingGateway slack = new RecordingGateway(Platform.of("slack"));
    private final MutableClock clock = new MutableClock(NOW);
    private Database database;
    private Borgingsbot bot;

    @BeforeEach
    void sevenRegions() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"), "", "");
        bot(4);
        clock.set(ZonedDateTime.ofInstant(NOW, Region.AMSTERDAM).minusMonths(5).toInstant());
        round(5, "Midden", true, 3, 4, 4, 4);
        clock.set(NOW.minus(Duration.ofDays(1)));
        round(2, "Oost", true, 3, 3, 3, 3);
        round(3, "Zuid", true, 4, 4, 4, 5, 5);
        round(4, "West", true, 3, 2, 2, 2);
        round(6, "Kust", false, 3, 1, 1, 1);
        round(7, "Dal", true, 3, 5, 5);
        clock.set(NOW);
    }

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
        database.close();
    }

    /** A bot on the same database with this BORGING_NATIONAL_MINIMUM. */
    private void bot(int minimum) {
        if (bot != null) {
            bot.close();
        }
        bot = new Borgingsbot(database.repositories(), Fixtures.catalog(), new Gateways(List.of(slack)),
                Administrators.parse("slack:" + ADMIN, Fixtures.PLATFORMS), clock,
                Borgingsbot.Settings.defaults().withNationalMinimum(minimum));
    }

    private static ChatChannel channel(int region) {
        return new ChatChannel(Platform.of("slack"), "T1", "C" + region);
    }

    private String command(String user, int region, String line) {
        return TestBot.render(bot.handle(new InboundEvent.Command(TestBot.user(user), Optional.of(channel(region)), line)));
    }

    private String dm(String user, String text) {
        return TestBot.render(bot.handle(new InboundEvent.TextReply(TestBot.user(user), Optional.empty(), text)));
    }

    /**
     * Links channel C{@code region} as a region with {@code partners} partners, sets its consent,
     * and holds a round in which the first ones answer: partner i gives {@code scores[i]} to every
     * element (an array of seven: per element).
     */
    private void round(int region, String name, boolean share, int partners, int... scores) {
        int[][] each = Arrays.stream(scores).mapToObj(s -> new int[] {s, s, s, s, s, s, s}).toArray(int[][]::new);
        round(region, name, share, partners, each);
    }

    private void round(int region, String name, boolean share, int partners, int[][] scores) {
        command(ADMIN, region, "regio koppel " + name);
        for (int p = 1; p <= partners; p++) {
            String id = "R" + region + "P" + p;
            command(ADMIN, region, "partner toevoegen @{" + id + "|" + id + "} Organisatie " + name + " " + p);
        }
        if (share) {
            assertThat(command(ADMIN, region, "regio landelijk aan")).contains("deelt vanaf nu");
        }
        command(ADMIN, region, "ronde start");
        for (int p = 0; p < scores.length; p++) {
            String id = "R" + region + "P" + (p + 1);
            dm(id, "start");
            dm(id, "Denken");
            dm(id, "Zien");
            dm(id, "Vragen");
            for (int score : scores[p]) {
                dm(id, String.valueOf(score));
            }
            dm(id, "versturen");
        }
        command(ADMIN, region, "ronde sluit");
    }

    private void noord() {
        round(1, "Noord", true, 3, new int[][] {NOORD, NOORD, NOORD});
    }

    private Message lastPostIn(int region) {
        return slack.posts().stream().filter(p -> p.posted().channel().equals(channel(region)))
                .reduce((a, b) -> b).orElseThrow().message();
    }

    private static String render(Message message) {
        return TestBot.TEXT.render(message) + message.image().map(i -> "\n" + i.altText()).orElse("");
    }

    private NationalFigures figures() {
        return new NationalFigures(database.repositories().regions(), database.repositories().rounds(),
                database.repositories().consents(), bot.reports(), clock);
    }

    @Test
    void theNationalMeanAndPercentilesEqualTheHandComputation() {
        NationalFigures.Picture picture = figures().picture(Fixtures.stoBorging(), NOW, Optional.of(99L));

        assertThat(picture.regions()).extracting(s -> s.region().name())
                .containsExactlyInAnyOrder("Midden", "Oost", "Zuid", "West");
        for (ElementSpread element : picture.elements()) {
            assertThat(element.regions()).isEqualTo(4);
            assertThat(element.mean()).isCloseTo(3.375, within(1e-9));
            assertThat(element.p25()).isCloseTo(2.75, within(1e-9));
            assertThat(element.median()).isCloseTo(3.5, within(1e-9));
            assertThat(element.p75()).isCloseTo(4.125, within(1e-9));
            assertThat(element.min()).isEqualTo(2.0);
            assertThat(element.max()).isEqualTo(4.5);
        }
        assertThat(Percentiles.of(new double[] {4.5, 2, 4, 3}, 0.25)).isEqualTo(2.75);
        assertThat(Percentiles.of(new double[] {7}, 0.75)).isEqualTo(7);
        assertThat(Percentiles.of(new double[0], 0.5)).isNaN();
    }

    @Test
    void aSharingRegionsReportSetsItsMeansBesideTheNationalPicture() {
        noord();

        Message report = lastPostIn(1);
        String text = render(report);
        assertThat(text).contains("gem. 4,0 · landelijk 3,4 · min 4 · max 4 · n=3")
                .contains("gem. 2,0 · landelijk 3,4")
                .contains("Grijze lijn: het landelijk gemiddelde van 4 regio's")
                .contains("Vergeleken met het landelijk beeld")
                .contains("Cultuur van de organisatie: jullie 4,0, dat is 0,6 boven het landelijk gemiddelde (3,4).")
                .contains("Structurele betrokkenheid: jullie 2,0, dat is 1,4 onder het landelijk gemiddelde (3,4).")
                .doesNotContain("Sterk en uniek aanbod: jullie") // 3,0 lies 0,375 below: not named
                .contains("Vraag voor het gesprek")
                .doesNotContain("Kust").doesNotContain("Dal");
        assertThat(report.image()).isPresent();
    }

    @Test
    void belowTheMinimumTheReportSaysWhyInOneLineAndComparesNothing() {
        bot(5);
        noord();

        String text = render(lastPostIn(1));
        assertThat(text).contains("Nog geen vergelijking met het landelijk beeld: daarvoor moeten minstens 5 andere"
                + " regio's in het afgelopen halfjaar een ronde hebben gedeeld, en dat zijn er nu 4.")
                .doesNotContain("landelijk 3").doesNotContain("Vergeleken met").doesNotContain("Grijze lijn");
    }

    @Test
    void aRegionThatStopsSharingIsLeftOutOfTheNextComputation() {
        noord();
        assertThat(render(lastPostIn(1))).contains("landelijk 3,4");

        assertThat(command(ADMIN, 2, "regio landelijk uit")).contains("Regio Oost deelt haar gemiddelden niet (meer)");
        assertThat(command(ADMIN, 2, "regio")).contains("Landelijke vergelijking").contains("uit");
        command(ADMIN, 1, "ronde rapport");

        assertThat(render(lastPostIn(1))).contains("en dat zijn er nu 3.").doesNotContain("landelijk 3,4");
        long noord = database.repositories().regions().byName("Noord").orElseThrow().id();
        NationalFigures.Picture picture = figures().picture(Fixtures.stoBorging(), NOW, Optional.of(noord));
        assertThat(picture.regions()).extracting(r -> r.region().name()).containsExactlyInAnyOrder("Zuid", "West", "Midden");
        assertThat(picture.elements().get(0).mean()).isCloseTo((4.5 + 2 + 4) / 3, within(1e-9));
    }

    @Test
    void aRegionThatDoesNotShareGetsNoNationalFiguresAndIsInNoOutput() throws Exception {
        noord();

        assertThat(render(lastPostIn(6))).doesNotContain("landelijk").doesNotContain("Landelijk");
        assertThat(command(ADMIN, 6, "regio")).contains("Landelijke vergelijking").contains("uit");
        // Kust's mean of 1,0 would be every element's lowest; the lowest is West's 2,0
        assertThat(figures().picture(Fixtures.stoBorging(), NOW, Optional.empty()).elements())
                .allSatisfy(e -> assertThat(e.min()).isEqualTo(2.0));

        command(ADMIN, 1, "export");
        try (XSSFWorkbook export = workbook(slack.directsTo(ADMIN).get(slack.directsTo(ADMIN).size() - 1).message())) {
            assertThat(allText(export)).doesNotContain("Kust");
        }
        dm(ADMIN, "landelijk");
        try (XSSFWorkbook national = workbook(slack.directsTo(ADMIN).get(slack.directsTo(ADMIN).size() - 1).message())) {
            assertThat(allText(national)).doesNotContain("Kust").contains("regio 5"); // Kust was the fifth region linked
            Row kust = rowStartingWith(national.getSheet("Regio's"), "regio 5");
            assertThat(kust.getLastCellNum()).as("name, shares, last round, response: no means").isEqualTo((short) 4);
            for (Sheet sheet : List.of(national.getSheet("Regio's"), national.getSheet("Landelijk beeld"))) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getColumnIndex() >= 5 && cell.getCellType() == CellType.NUMERIC) {
                            assertThat(cell.getNumericCellValue()).as("a mean of Kust").isNotEqualTo(1.0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theRegionExportHasTheNationalColumnAndSeries() throws Exception {
        noord();

        command(ADMIN, 1, "export");
        try (XSSFWorkbook export = workbook(slack.directsTo(ADMIN).get(slack.directsTo(ADMIN).size() - 1).message())) {
            XSSFSheet radar = export.getSheet("Radargrafiek");
            Row header = radar.getRow(3); // under the question, the round's facts and a blank row
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Gemiddelde");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Landelijk (4 regio's)");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("Landelijk P25");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Landelijk P75");
            for (int element = 0; element < 7; element++) {
                Row row = radar.getRow(4 + element);
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(NOORD[element]);
                assertThat(row.getCell(7).getNumericCellValue()).isCloseTo(3.375, within(1e-9));
                assertThat(row.getCell(8).getNumericCellValue()).isCloseTo(2.75, within(1e-9));
                assertThat(row.getCell(9).getNumericCellValue()).isCloseTo(4.125, within(1e-9));
            }
            var series = radar.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
            assertThat(series.getSeriesCount()).as("three partners, the mean and the national mean").isEqualTo(5);
            assertThat(series.getSeries(4).getValuesData().getDataRangeReference()).endsWith("$H$5:$H$11");
        }
    }

    @Test
    void landelijkIsForAdministratorsOnly() {
        noord();

        assertThat(command("R1P1", 1, "landelijk"))
                .isEqualTo("Het landelijk overzicht is alleen voor de beheerders van het programmabureau: @UADMIN."
                        + " Vraag het aan hen.");
        assertThat(dm(ADMIN, "landelijk")).isEqualTo("Het landelijk overzicht staat in je privégesprek met mij.");
        assertThat(CoreAssembly.PARSER.parse("landelijk")).contains(new NationalCommands.National());
        assertThat(CoreAssembly.PARSER.parse("regio landelijk aan")).contains(new NationalCommands.SetNationalSharing(true));
        assertThat(CoreAssembly.PARSER.parse("region national off")).contains(new NationalCommands.SetNationalSharing(false));
        assertThat(CoreAssembly.PARSER.parse("regio landelijk misschien")).contains(new CoreCommands.Misused("usage.regionNational"));
        assertThat(command("R1P1", 1, "regio landelijk uit")).contains("Dat kan alleen de programmamanager van regio Noord");
    }

    @Test
    void theProgrammeOfficeGetsHeadlinesTheRadarAndTheWorkbook() throws Exception {
        noord();

        dm(ADMIN, "landelijk");
        Message overview = slack.directsTo(ADMIN).get(slack.directsTo(ADMIN).size() - 1).message();
        assertThat(TestBot.TEXT.render(overview)).contains("7 regio's; 6 delen hun gemiddelden, waarvan 5 met een ronde"
                + " van het afgelopen halfjaar die meetelt. 1 stille regio's");
        assertThat(overview.image().orElseThrow().png()).isNotEmpty();

        try (XSSFWorkbook workbook = workbook(overview)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Regio's");
            Row noord = rowStartingWith(workbook.getSheet("Regio's"), "Noord");
            assertThat(noord.getCell(1).getStringCellValue()).isEqualTo("ja");
            assertThat(noord.getCell(2).getStringCellValue()).isEqualTo("2027-01-11");
            assertThat(noord.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            for (int element = 0; element < 7; element++) {
                assertThat(noord.getCell(5 + element).getNumericCellValue()).isEqualTo(NOORD[element]);
            }
            Row dal = rowStartingWith(workbook.getSheet("Regio's"), "Dal");
            assertThat(dal.getCell(3).getNumericCellValue()).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(dal.getCell(4).getStringCellValue()).startsWith("telt niet mee");
            assertThat(dal.getLastCellNum()).isEqualTo((short) 5);

            // all five that count (Noord too): Cultuur 4, 3, 4.5, 2, 4 → mean 3.5, P25 3, median 4, P75 4
            Row cultuur = rowStartingWith(workbook.getSheet("Landelijk beeld"), "Cultuur van de organisatie");
            assertThat(values(cultuur, 1, 8)).containsExactly(5.0, 3.5, 2.0, 3.0, 4.0, 4.0, 4.5);
            // Betrokkenheid 2, 3, 4.5, 2, 4 → mean 3.1, P25 2, median 3, P75 4
            Row betrokkenheid = rowStartingWith(workbook.getSheet("Landelijk beeld"), "Structurele betrokkenheid");
            assertThat(values(betrokkenheid, 1, 8)).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : a.compareTo(b))
                    .containsExactly(5.0, 3.1, 2.0, 2.0, 3.0, 4.0, 4.5);
            assertThat(workbook.getSheet("Landelijk beeld").getDrawingPatriarch().getShapes()).hasSize(1);

            Sheet trend = workbook.getSheet("Verloop");
            List<String> quarters = new ArrayList<>();
            trend.getRow(0).forEach(cell -> quarters.add(cell.getStringCellValue()));
            assertThat(quarters).containsExactly("Element", "2025 K2", "2025 K3", "2025 K4", "2026 K1", "2026 K2",
                    "2026 K3", "2026 K4", "2027 K1");
            assertThat(values(trend.getRow(1), 1, 9)).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 4.0);
            assertThat(trend.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(4.0); // Midden alone in 2026 K3
            // 2027 K1: Noord 4, Oost 3, Zuid 4.5, West 2 → 3.375
            assertThat(trend.getRow(2).getCell(8).getNumericCellValue()).isCloseTo(3.375, within(1e-9));

            List<String> silent = new ArrayList<>();
            workbook.getSheet("Stille regio's").forEach(row -> silent.add(row.getCell(0).getStringCellValue()));
            assertThat(silent.subList(1, 2)).containsExactly("Midden");
            assertThat(silent).doesNotContain("Noord", "Oost", "Kust");
        }
    }

    private static List<Double> values(Row row, int from, int to) {
        List<Double> values = new ArrayList<>();
        for (int c = from; c < to; c++) {
            Cell cell = row.getCell(c);
            values.add(cell == null ? 0.0 : cell.getNumericCellValue());
        }
        return values;
    }

    private static Row rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + text + "' on sheet " + sheet.getSheetName());
    }

    private static XSSFWorkbook workbook(Message message) throws Exception {
        Part.File file = message.parts().stream().filter(Part.File.class::isInstance).map(Part.File.class::cast)
                .findFirst().orElseThrow();
        return new XSSFWorkbook(new ByteArrayInputStream(file.content()));
    }

    private static String allText(XSSFWorkbook workbook) {
        StringBuilder text = new StringBuilder();
        workbook.forEach(sheet -> {
            text.append(sheet.getSheetName()).append('\n');
            sheet.forEach(row -> row.forEach(cell -> text.append(cell).append('\t')));
        });
        return text.toString();
    }

}
