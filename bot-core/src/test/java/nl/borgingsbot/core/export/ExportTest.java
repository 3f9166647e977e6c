package nl.borgingsbot.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFRadarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.report.RoundReports;
import nl.borgingsbot.core.testing.RecordingGateway;
import nl.borgingsbot.core.testing.TestBot;

/** The Excel and CSV export of a real round, read back with POI and as text. */
class ExportTest {

    private static final String INJECTION = "=HYPERLINK(\"http://x\",\"klik\")";

    @TempDir
    Path dir;

    private TestBot test;

    @BeforeEach
    void aClosedRound() {
        test = new TestBot(dir, Instant.parse("2026-11-23T09:00:00Z"));
        test.regionWithPartners("U1", "U2", "U3");
        test.command(TestBot.ADMIN, "actie 5 Uren in de normjaartaak @{U1} 31-03-2027");
        test.command(TestBot.ADMIN, "ronde start");
        test.answerAll("U1", 4, 4, 3, 4, 2, 2, 3);
        test.answerAll("U2", 3, 4, 3, 5, 1, 2, 3);
        test.dm("U3", "start");
        test.dm("U3", INJECTION);
        test.dm("U3", "zien");
        test.dm("U3", "vragen");
        for (String score : List.of("4 omdat het in het schoolplan staat", "3", "4", "4", "4", "1", "2", "versturen")) {
            test.dm("U3", score);
        }
        test.command(TestBot.ADMIN, "ronde sluit");
    }

    @AfterEach
    void close() {
        test.close();
    }

    private ExcelExport.Input input() {
        RoundReports rounds = test.bot().reports();
        Region region = test.database().repositories().regions().byName("Noord").orElseThrow();
        Round round = test.database().repositories().rounds().ofRegion(region.id()).get(0);
        return new ExcelExport.Input(rounds.report(region, round), rounds.responses(round),
                test.database().repositories().actions().ofRegion(region.id()), rounds.trend(region));
    }

    @Test
    void theWorkbookHasTheTableANativeRadarChartOnAFixedScaleAndTheOtherSheets() throws Exception {
        byte[] xlsx = new ExcelExport().xlsx(input());
        Files.write(dir.resolve("borging.xlsx"), xlsx);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(0, 1, 2, 3, 4)).extracting(i -> workbook.getSheetName(i))
                    .containsExactly("Radargrafiek", "Reflecties", "Toelichtingen", "Verloop", "Acties");
            XSSFSheet radar = workbook.getSheet("Radargrafiek");
            assertThat(radar.getRow(0).getCell(0).getStringCellValue()).startsWith("In hoeverre zijn wij tevreden");
            assertThat(radar.getRow(ExcelExport.HEADER_ROW).getCell(3).getStringCellValue()).isEqualTo("Organisatie U1");
            assertThat(radar.getRow(ExcelExport.HEADER_ROW).getCell(6).getStringCellValue()).isEqualTo("Gemiddelde");
            // statement 5 (Structuur en systemen): 2, 1, 4 -> mean 7/3
            var structuur = radar.getRow(ExcelExport.HEADER_ROW + 5);
            assertThat(structuur.getCell(1).getStringCellValue()).isEqualTo("Structuur en systemen");
            assertThat(List.of(3, 4, 5)).extracting(c -> structuur.getCell(c).getNumericCellValue())
                    .containsExactly(2.0, 1.0, 4.0);
            assertThat(structuur.getCell(6).getNumericCellValue()).isCloseTo(7 / 3.0, Offset.offset(1e-9));

            List<XSSFChart> charts = radar.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            List<XDDFChartData> data = charts.get(0).getChartSeries();
            assertThat(data).hasSize(1).first().isInstanceOf(XDDFRadarChartData.class);
            assertThat(data.get(0).getSeriesCount()).isEqualTo(4); // three partners and the mean
            assertThat(data.get(0).getSeries(0).getCategoryData().getPointCount()).isEqualTo(7);
            XDDFValueAxis axis = (XDDFValueAxis) charts.get(0).getAxes().stream()
                    .filter(XDDFValueAxis.class::isInstance).findFirst().orElseThrow();
            assertThat(axis.getMinimum()).isEqualTo(1.0);
            assertThat(axis.getMaximum()).isEqualTo(5.0);
            assertThat(axis.getMajorUnit()).isEqualTo(1.0);

            var injected = workbook.getSheet("Reflecties").getRow(3).getCell(1);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo(INJECTION);
            assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();

            var notes = workbook.getSheet("Toelichtingen");
            assertThat(notes.getRow(3).getCell(3).getStringCellValue()).isEqualTo("omdat het in het schoolplan staat");
            assertThat(workbook.getSheet("Verloop").getRow(0).getCell(1).getStringCellValue()).isEqualTo("Ronde 1");
            assertThat(workbook.getSheet("Acties").getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo("Uren in de normjaartaak");
        }
    }

    @Test
    void theMeanIsAnAverageFormulaThatEvaluatesToTheStoredMeans() throws Exception {
        ExcelExport.Input input = input();
        byte[] xlsx = new ExcelExport().xlsx(input);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet radar = workbook.getSheet("Radargrafiek");
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int i = 0; i < input.report().stats().size(); i++) {
                Cell mean = radar.getRow(ExcelExport.HEADER_ROW + 1 + i).getCell(6);
                double stored = input.report().stats().get(i).mean();
                assertThat(mean.getCellType()).as("statement %d", i + 1).isEqualTo(CellType.FORMULA);
                assertThat(mean.getCellFormula()).isEqualTo("AVERAGE(D%d:F%d)", ExcelExport.HEADER_ROW + 2 + i,
                        ExcelExport.HEADER_ROW + 2 + i);
                assertThat(mean.getNumericCellValue()).as("cached").isCloseTo(stored, Offset.offset(1e-9));
                assertThat(evaluator.evaluate(mean).getNumberValue()).as("evaluated").isCloseTo(stored, Offset.offset(1e-9));
            }
            // a score corrected in Excel moves the mean: Structuur en systemen 2, 1, 4 -> 5, 1, 4
            radar.getRow(ExcelExport.HEADER_ROW + 5).getCell(3).setCellValue(5);
            evaluator.clearAllCachedResultValues();
            assertThat(evaluator.evaluate(radar.getRow(ExcelExport.HEADER_ROW + 5).getCell(6)).getNumberValue())
                    .isCloseTo(10 / 3.0, Offset.offset(1e-9));
        }
    }

    @Test
    void theRoundIsInTheHeaderTheTableIsFrozenAndEverySheetPrintsOnA4Landscape() throws Exception {
        ExcelExport.Input input = input();
        byte[] xlsx = new ExcelExport().xlsx(input);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet radar = workbook.getSheet("Radargrafiek");
            var facts = radar.getRow(ExcelExport.ROUND_ROW);
            assertThat(List.of(0, 1, 2, 4, 6)).extracting(c -> facts.getCell(c).getStringCellValue())
                    .containsExactly("Regio", "Noord", "Ronde", "Geopend", "Gesloten");
            assertThat(facts.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(facts.getCell(5).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(input.report().round().openedAt().atZone(input.report().region().timeZone()).toLocalDate());
            assertThat(facts.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(input.report().round()
                    .closedAt().orElseThrow().atZone(input.report().region().timeZone()).toLocalDate());
            assertThat(DateUtil.isCellDateFormatted(facts.getCell(7))).isTrue();

            var pane = radar.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).as("rows frozen").isEqualTo((short) (ExcelExport.HEADER_ROW + 1));
            assertThat(pane.getVerticalSplitPosition()).as("columns frozen").isEqualTo((short) 2);

            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                assertThat(sheet.getPrintSetup().getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(sheet.getSheetName()).isEqualTo((short) 0);
            }
        }
    }

    @Test
    void theCsvOpensInDutchExcelWithTheRightColumns() {
        String csv = new String(new CsvExport().csv(input().report()), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFNr;Element;Stelling;Organisatie U1;Organisatie U2;Organisatie U3;Gemiddelde\r\n");
        assertThat(csv).contains("5;Structuur en systemen;Er zijn structuren en systemen die de borging ondersteunen.;2;1;4;2,3\r\n");
        assertThat(csv.split("\r\n")).hasSize(8);
    }

    @Test
    void theProgrammeManagerGetsTheExportAsAFileInTheirDm() throws Exception {
        assertThat(test.command(TestBot.ADMIN, "export")).contains("staat in je privégesprek met mij");
        List<RecordingGateway.Direct> dms = test.slack().directsTo(TestBot.ADMIN);
        Message dm = dms.get(dms.size() - 1).message();
        Part.File file = dm.parts().stream().filter(Part.File.class::isInstance).map(Part.File.class::cast)
                .findFirst().orElseThrow();
        assertThat(file.fileName()).isEqualTo("borging-Noord-ronde-1.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Radargrafiek");
        }

        assertThat(test.command(TestBot.ADMIN, "export 1 csv")).contains("staat in je privégesprek");
        assertThat(test.command(TestBot.ADMIN, "export 9")).contains("Regio Noord heeft geen gesloten ronde 9");
        assertThat(test.command(TestBot.ADMIN, "export pdf")).contains("Gebruik: 'export'");
        assertThat(test.command("U1", "export")).contains("Dat kan alleen de programmamanager");
    }

    @Test
    void aFieldThatStartsLikeAFormulaIsNeutralised() {
        assertThat(CsvExport.looksLikeFormula("=1+1")).isTrue();
        assertThat(CsvExport.looksLikeFormula("@SUM(A1)")).isTrue();
        assertThat(CsvExport.looksLikeFormula("-2")).isTrue();
        assertThat(CsvExport.looksLikeFormula("Cultuur")).isFalse();
    }
}
