package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.app.demo.DemoRunner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} every log line is one JSON object (Elastic
 * Common Schema), and the round's events are among them: one line each, with region and round.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    @TempDir
    Path dir;

    /** Spring Boot hands the format to Logback as a system property; the next test in this JVM logs plain text. */
    @AfterEach
    void plainTextAgain() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void ecsLogsAreJsonLinesWithTheRoundEvents(CapturedOutput output) throws Exception {
        SpringApplication app = new SpringApplication(BorgingsbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db"),
                "--borging.demo.output=" + dir.resolve("demo"), "--logging.structured.format.console=ecs")) {
            context.getBean(DemoRunner.class).run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        }

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(json::readTree).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("@timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            assertThat(line.path("log").path("level").asString()).isNotEmpty();
        });
        List<String> messages = lines.stream().map(line -> line.path("message").asString()).toList();
        assertThat(messages).contains("round opened: region Demo-regio Rivierenland, round 1, 5 partner(s) invited",
                "round closed: region Demo-regio Rivierenland, round 1",
                "round reported: region Demo-regio Rivierenland, round 1");
        assertThat(messages).anyMatch(m -> m.startsWith("round reminded: region Demo-regio Rivierenland, round 1, "));
    }
}
