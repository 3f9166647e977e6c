package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.borgingsbot.app.demo.DemoRunner;
import nl.borgingsbot.core.report.RadarStyle;

/**
 * The embedded default: the application context starts with no chat credentials on a real SQLite
 * file, and the demo round runs through the real engine and writes the radar and the report.
 */
@SpringBootTest
class DemoRoundTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("borging.db.url", () -> "jdbc:sqlite:" + dir.resolve("bot.db"));
        registry.add("borging.demo.output", () -> dir.resolve("demo").toString());
    }

    @Autowired
    DemoRunner demo;

    @Test
    void theDemoRoundWritesARadarAndAReportNamingTheTwoLowestElements() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        DemoRunner.Result result = demo.run(new PrintStream(console, true, StandardCharsets.UTF_8));

        BufferedImage radar = ImageIO.read(result.radar().toFile());
        assertThat(radar.getWidth()).isBetween(600, 1024);
        assertThat(radar.getHeight()).isBetween(600, 1024);
        String report = Files.readString(result.report(), StandardCharsets.UTF_8);
        assertThat(report)
                .contains("Inzicht in resultaten en effecten — gemiddeld 1,8")
                .contains("Structuur en systemen — gemiddeld 2,2")
                .contains("![Radardiagram")
                .contains("\n### Denken we aan\n").contains("\n### Vragen we ons af\n")
                .contains("\n## Reflecties\n").contains("\n## Laagst scorende elementen\n")
                .doesNotContain("draad onder dit bericht")
                .contains("Vergeleken met het landelijk beeld").contains("· landelijk ")
                .contains("landelijk gemiddelde van 6 regio's").doesNotContain("Deltakust");
        assertThat(report.lines().filter(line -> line.startsWith("# ")).toList()).as("one title")
                .containsExactly("# Borgingscheck regio Demo-regio Rivierenland — resultaat ronde 1");
        assertThat(report.lines().skip(2).findFirst().orElseThrow()).as("the dates at the top")
                .matches("Ronde 1: geopend op \\d{1,2} \\p{L}+ \\d{4}, gesloten op \\d{1,2} \\p{L}+ \\d{4}\\.");
        // all five partners can be found on the radar, however much their scores coincide
        for (int partner = 0; partner < 5; partner++) {
            int colour = RadarStyle.of(partner).colour().getRGB() & 0xFFFFFF;
            long pixels = 0;
            for (int y = 0; y < radar.getHeight(); y++) {
                for (int x = 0; x < radar.getWidth(); x++) {
                    pixels += (radar.getRGB(x, y) & 0xFFFFFF) == colour ? 1 : 0;
                }
            }
            assertThat(pixels).as("pixels of partner %d", partner).isGreaterThan(400);
        }
        String output = console.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("[stap 1/18]").contains("[stap 18/18]")
                .contains("Antwoord met een cijfer van 1 tot en met 5") // Bram typed "vier"
                .contains("Een score is een cijfer van 1 tot en met 5") // Carla typed "6"
                .contains("5 van de 5 partners hebben gereageerd (100%)")
                .doesNotContain("Exception");
    }

    @Test
    void runningTheDemoTwiceStartsAFreshDemoDatabase() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        demo.run(quiet);
        DemoRunner.Result again = demo.run(quiet);

        assertThat(Files.readString(again.report(), StandardCharsets.UTF_8)).contains("resultaat ronde 1");
    }
}
