package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.app.demo.DemoRunner;

/** The server-side export: on the demo's database, to xlsx and csv, and its mistakes explained. */
class ExportCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream complaints = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(complaints, true, StandardCharsets.UTF_8);

    private Path demoDatabase() throws Exception {
        SpringApplication app = new SpringApplication(BorgingsbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db"),
                "--borging.demo.output=" + dir.resolve("demo"))) {
            DemoRunner.Result demo = context.getBean(DemoRunner.class).run(new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8));
            assertThat(demo.workbook()).isRegularFile();
            return demo.database();
        }
    }

    private int export(Path database, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "export";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--borging.db.url=jdbc:sqlite:" + database;
        return ExportCli.run(all, out, err);
    }

    @Test
    void theLastClosedRoundOfARegionIsExportedAsExcelOrCsv() throws Exception {
        Path database = demoDatabase();
        Path xlsx = dir.resolve("rivierenland.xlsx");
        Path csv = dir.resolve("rivierenland.csv");

        assertThat(export(database, "--regio", "demo-regio rivierenland", "--out", xlsx.toString())).isEqualTo(ExportCli.OK);
        assertThat(export(database, "--regio", "Demo-regio Rivierenland", "--ronde", "1", "--out", csv.toString()))
                .isEqualTo(ExportCli.OK);

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            // row 3: the header, under the question, the round and a blank row
            assertThat(workbook.getSheet("Radargrafiek").getRow(3).getCell(7).getStringCellValue()).isEqualTo("Gemeente Rivierstad");
            // the demo region shares, and six other demo regions do: the national column follows the mean
            assertThat(workbook.getSheet("Radargrafiek").getRow(3).getCell(9).getStringCellValue())
                    .isEqualTo("Landelijk (6 regio's)");
        }
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("6;Inzicht in resultaten en effecten;");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Geschreven: " + xlsx);
    }

    @Test
    void theNationalOverviewIsWrittenOnTheServerAndNamesOnlyRegionsThatShare() throws Exception {
        Path database = demoDatabase();
        Path xlsx = dir.resolve("landelijk.xlsx");

        assertThat(export(database, "--landelijk", "--out", xlsx.toString())).isEqualTo(ExportCli.OK);

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            workbook.getSheet("Regio's").forEach(row -> names.add(row.getCell(0).getStringCellValue()));
            // Deltakust (7th) does not share: a number, never its name or means; Rivierenland shares since the demo
            assertThat(names).contains("Demo-regio Noordkust", "Demo-regio Rivierenland", "regio 7")
                    .doesNotContain("Demo-regio Deltakust");
            assertThat(workbook.getSheet("Regio's").getRow(7).getLastCellNum()).isEqualTo((short) 4);
            List<String> silent = new ArrayList<>();
            workbook.getSheet("Stille regio's").forEach(row -> silent.add(row.getCell(0).getStringCellValue()));
            assertThat(silent).contains("Demo-regio Polderveld", "Demo-regio Graafschap")
                    .doesNotContain("Demo-regio Noordkust");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Geschreven: " + xlsx).contains("7 in het landelijk beeld");
    }

    @Test
    void aMissingRegionOrRoundOrArgumentIsExplained() throws Exception {
        Path database = demoDatabase();

        assertThat(export(database, "--regio", "Atlantis", "--out", dir.resolve("x.xlsx").toString())).isEqualTo(ExportCli.NOTHING_TO_EXPORT);
        assertThat(export(database, "--regio", "Demo-regio Rivierenland", "--ronde", "7", "--out", dir.resolve("x.xlsx").toString()))
                .isEqualTo(ExportCli.NOTHING_TO_EXPORT);
        assertThat(export(database, "--out", "x.xlsx")).isEqualTo(ExportCli.USAGE);
        assertThat(complaints.toString(StandardCharsets.UTF_8))
                .contains("Regio 'Atlantis' bestaat niet. Regio's: ").contains("Demo-regio Rivierenland")
                .contains("heeft geen gesloten ronde 7")
                .contains("Gebruik: java -jar borgingsbot.jar export");
    }

    private List<String> complaintLines() {
        return complaints.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anExportToAPdfIsRefusedSayingWhatIsPossible() throws Exception {
        Path pdf = dir.resolve("x.pdf");

        assertThat(export(dir.resolve("no.db"), "--regio", "Demo-regio Rivierenland", "--out", pdf.toString()))
                .isEqualTo(ExportCli.USAGE);

        assertThat(complaintLines()).containsExactly("De export is niet gemaakt: --out " + pdf + ": de export kan alleen "
                + "een .xlsx-bestand (Excel) of een .csv-bestand zijn, bijvoorbeeld --out borging.xlsx.");
        assertThat(pdf).doesNotExist();
        assertThat(dir.resolve("no.db")).as("nothing was opened").doesNotExist();
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistOrOntoAFolderIsRefusedInOneLine() throws Exception {
        Path missing = dir.resolve("nergens").resolve("borging.xlsx");
        assertThat(export(dir.resolve("no.db"), "--regio", "X", "--out", missing.toString())).isEqualTo(ExportCli.USAGE);
        assertThat(export(dir.resolve("no.db"), "--regio", "X", "--out", dir.toString())).isEqualTo(ExportCli.USAGE);

        assertThat(complaintLines()).containsExactly(
                "De export is niet gemaakt: --out " + missing + ": de map " + missing.getParent()
                        + " bestaat niet. Maak hem eerst aan of kies een andere map.",
                "De export is niet gemaakt: --out " + dir + " is een map. Geef een bestandsnaam, bijvoorbeeld --out "
                        + dir.resolve("borging.xlsx") + ".");
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }

    @Test
    void anExportWhereItMayNotWriteIsRefusedInOneLine() throws Exception {
        Path database = demoDatabase();
        Path proc = Path.of("/proc/borging.xlsx"); // the kernel's own folder: not even root may create a file there
        Assumptions.assumeTrue(Files.isDirectory(proc.getParent()));

        assertThat(export(database, "--regio", "Demo-regio Rivierenland", "--out", proc.toString()))
                .isEqualTo(ExportCli.USAGE);

        assertThat(complaintLines()).hasSize(1).first().asString()
                .startsWith("De export is niet gemaakt: --out /proc/borging.xlsx: ik mag daar niet schrijven (")
                .endsWith("Kies een map waarin je mag schrijven.");
    }
}
