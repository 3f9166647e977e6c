package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a person starts it: {@code java … BorgingsbotApplication} in its own process and
 * working directory, with settings in the real environment. Checks the exit codes and what lands
 * on stdout and stderr.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run java(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                BorgingsbotApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("MICROSOFT_")
                || name.startsWith("BORGING_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not stop");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theReadmesExportExampleWorksRightAfterTheDemoAndTheDemoLeavesTheBotsDatabaseAlone() throws Exception {
        Run demo = java(Map.of(), "demo");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(dir.resolve("data/demo/demo.db")).isRegularFile();
        assertThat(dir.resolve("data/borgingsbot.db")).doesNotExist();

        Run export = java(Map.of(), "export", "--regio", "Demo-regio Rivierenland", "--out", "borging.xlsx");

        assertThat(export.code()).as(export.err()).isZero();
        assertThat(dir.resolve("borging.xlsx")).isNotEmptyFile();
        assertThat(export.out()).contains("Regio Demo-regio Rivierenland staat niet in "
                + "." + File.separator + "data" + File.separator + "borgingsbot.db; ik neem de regio uit de demo-database")
                .contains("Geschreven: borging.xlsx (regio Demo-regio Rivierenland, ronde 1).");
        assertThat(dir.resolve("data/borgingsbot.db")).as("an export creates no database").doesNotExist();
    }

    @Test
    void withoutCredentialsThePlaygroundStartsOnLoopbackSaysWhereAndKeepsItsOwnDatabase() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                BorgingsbotApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SLACK_") || name.startsWith("MICROSOFT_")
                || name.startsWith("BORGING_"));
        builder.environment().put("BORGING_PLAYGROUND_PORT", "0");
        Process process = builder.start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            String url = null;
            while (url == null && (line = lines.readLine()) != null) {
                var found = java.util.regex.Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/) in je browser").matcher(line);
                url = found.find() ? found.group(1) : null;
            }
            assertThat(url).as("the playground says where it is").isNotNull();
            var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("page/app.js");
            assertThat(process.isAlive()).as("it keeps running").isTrue();
            assertThat(dir.resolve("data/playground.db")).isRegularFile();
            assertThat(dir.resolve("data/borgingsbot.db")).doesNotExist();
        } finally {
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void thePlaygroundOnAnotherAddressWithoutATokenIsRefusedInTwoLines() throws Exception {
        Run run = java(Map.of("BORGING_PLAYGROUND_HOST", "0.0.0.0"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(2).first().asString().contains("BORGING_PLAYGROUND_HOST");
        assertThat(dir.resolve("data/playground.db")).doesNotExist();
    }

    @Test
    void aWrongSeparatorInBorgingAdminsStopsTheBotWithExitCodeTwoAndOneLine() throws Exception {
        Run run = java(Map.of("BORGING_ADMINS", "slack:U1;teams:x"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly("Borgingsbot start niet: BORGING_ADMINS: "
                + "'slack:U1;teams:x' is geen beheerder. Schrijf platform:gebruikersid, gescheiden door komma's, "
                + "bijvoorbeeld BORGING_ADMINS=slack:U0123ABC,teams:<aadObjectId>.");
        assertThat(run.out()).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("Exception");
        assertThat(dir.resolve("data/borgingsbot.db")).doesNotExist();
    }
}
