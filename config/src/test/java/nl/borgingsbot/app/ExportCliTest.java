package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
        return ExportCli.run(all, out);
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
        }
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("6;Inzicht in resultaten en effecten;");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Geschreven: " + xlsx);
    }

    @Test
    void aMissingRegionOrRoundOrArgumentIsExplained() throws Exception {
        Path database = demoDatabase();

        assertThat(export(database, "--regio", "Atlantis", "--out", "x.xlsx")).isEqualTo(ExportCli.NOTHING_TO_EXPORT);
        assertThat(export(database, "--regio", "Demo-regio Rivierenland", "--ronde", "7", "--out", "x.xlsx"))
                .isEqualTo(ExportCli.NOTHING_TO_EXPORT);
        assertThat(export(database, "--out", "x.xlsx")).isEqualTo(ExportCli.USAGE);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Regio 'Atlantis' bestaat niet. Regio's: Demo-regio Rivierenland")
                .contains("heeft geen gesloten ronde 7")
                .contains("Gebruik: java -jar borgingsbot.jar export");
    }
}
