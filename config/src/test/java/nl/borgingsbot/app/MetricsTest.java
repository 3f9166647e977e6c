package nl.borgingsbot.app;

import static nl.borgingsbot.app.ServiceTesting.management;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.app.demo.DemoRunner;

/**
 * After a whole round through the core's entry point (the demo's: five partners answer, one is
 * reminded, the round closes and the report is posted), {@code /actuator/prometheus} counts it in
 * {@code borging_*} meters, and no person's id, name or organisation and no answer appears in it.
 */
class MetricsTest {

    private static final List<String> PEOPLE = List.of("anna", "bram", "carla", "daan", "eva", "pm");
    private static final List<String> PERSONAL = List.of("Anna de Vries", "Bram Jansen", "Carla Smit", "Priya",
            "Vmbo De Brug", "Gemeente Rivierstad", "Een vaste plek voor techniek in het rooster",
            "Hoe houden we het netwerkbureau in stand", "omdat techniek in ons schoolplan staat",
            "we meten vooral aantallen", "geen meerjarenbegroting");

    @TempDir
    Path dir;

    @Test
    void theScrapeCountsTheRoundAndNamesNoOne() throws Exception {
        String scrape;
        try (ConfigurableApplicationContext context = new SpringApplication(BorgingsbotApplication.class).run(
                "--spring.main.web-application-type=servlet", "--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db"),
                "--borging.demo.output=" + dir.resolve("demo"))) {
            context.getBean(DemoRunner.class).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            var response = management(context, "/actuator/prometheus");
            assertThat(response.statusCode()).isEqualTo(200);
            scrape = response.body();
        }

        assertThat(scrape).contains("borging_rounds_opened_total 1.0", "borging_rounds_closed_total 1.0",
                "borging_reports_posted_total 1.0", "borging_checkins_submitted_total 5.0", "borging_rounds_open ");
        assertThat(value(scrape, "borging_checkins_started_total")).isGreaterThanOrEqualTo(5);
        assertThat(value(scrape, "borging_answers_stored_total")).isGreaterThanOrEqualTo(50);
        assertThat(value(scrape, "borging_reminders_sent_total")).isGreaterThanOrEqualTo(1);
        for (String text : PERSONAL) {
            assertThat(scrape).doesNotContain(text);
        }
        for (String id : PEOPLE) {
            assertThat(scrape).doesNotContainPattern("=\"" + id + "\"");
        }
    }

    private static double value(String scrape, String metric) {
        var matcher = Pattern.compile("(?m)^" + Pattern.quote(metric) + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as(metric).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
