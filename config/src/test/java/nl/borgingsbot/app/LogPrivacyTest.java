package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.app.demo.DemoRunner;

/**
 * What partners answer never reaches the application log: a whole (demo) round runs with the
 * log at INFO, and no log line holds a reflection or a toelichting from the script.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    /** A log line as application.yml formats it: "yyyy-MM-dd HH:mm:ss.SSS LEVEL logger - message". */
    private static final Pattern LOG_LINE =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*");
    private static final List<String> ANSWERS = List.of("Een vaste plek voor techniek in het rooster",
            "Hoe houden we het netwerkbureau in stand", "omdat techniek in ons schoolplan staat",
            "we meten vooral aantallen", "geen meerjarenbegroting", "bij nader inzien",
            "Anna de Vries", "Bram Jansen", "Carla Smit", "Daan Bakker", "Eva Visser");

    @TempDir
    Path dir;

    @Test
    void noAnswerAppearsInTheLog(CapturedOutput output) throws Exception {
        SpringApplication app = new SpringApplication(BorgingsbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db"),
                "--borging.demo.output=" + dir.resolve("demo"), "--logging.level.nl.borgingsbot=INFO")) {
            // the demo's own console lines go elsewhere; only the log is inspected
            context.getBean(DemoRunner.class).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }

        List<String> logLines = output.getAll().lines().filter(line -> LOG_LINE.matcher(line).matches()).toList();
        assertThat(logLines).isNotEmpty();
        // the operator's line per round event is there, with the region and the round, and no person
        assertThat(logLines).anyMatch(line -> line.contains("round closed: region Demo-regio Rivierenland, round 1"));
        for (String answer : ANSWERS) {
            assertThat(logLines).noneMatch(line -> line.contains(answer));
        }
    }
}
