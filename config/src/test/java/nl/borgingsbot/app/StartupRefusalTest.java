package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees when they start the bot with a mistake: the real start-up entry
 * ({@link Startup#run}, what {@code main} calls) answers exit code 2 and one to three lines on
 * stderr saying what, where and how to fix it — no stack trace anywhere, and no database created.
 * Environment variables are given as {@code --NAME=value}, which Spring reads the same way.
 */
class StartupRefusalTest {

    @TempDir
    Path dir;

    /** What one start printed and answered. */
    record Started(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Started start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db"),
                "--borging.demo.output=" + dir.resolve("demo")));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o); // Spring's console log goes here too: no stack trace may show up in it
            System.setErr(e);
            int code = Startup.run(args.toArray(new String[0]), o, e);
            return new Started(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
    }

    private Started refused(String... settings) {
        Started started = start(settings);
        assertThat(started.code()).as(started.err()).isEqualTo(Startup.BAD_CONFIGURATION);
        assertThat(started.errLines()).hasSizeBetween(1, 3);
        assertThat(started.out() + started.err()).doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain("Exception:");
        assertThat(dir.resolve("bot.db")).as("nothing was written").doesNotExist();
        return started;
    }

    private String regionsFile(String yaml) throws Exception {
        Path file = dir.resolve("regions.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return "borging.regions-file=" + file;
    }

    private static final String AMSTELLAND = """
            regions:
              - name: Amstelland
                platform: slack
                workspace: T01
                channel: C01
            """;

    @Test
    void aRegionsFileWithAnonymousMisschienIsRefusedNamingFileLineAndRegion() throws Exception {
        Started started = refused(regionsFile(AMSTELLAND + "    anonymous: misschien\n"));

        assertThat(started.err()).isEqualTo("Borgingsbot start niet: " + dir.resolve("regions.yml")
                + ", regel 6, kolom 16, regio Amstelland: anonymous moet true, false, ja of nee zijn, niet 'misschien'.\n");
    }

    @Test
    void aRegionsFileWithOnePartnerOrManagerInsteadOfAListIsRefused() throws Exception {
        assertThat(refused(regionsFile(AMSTELLAND + "    partners: U0AB\n")).err())
                .contains("regel 6, kolom 15, regio Amstelland: 'partners' moet een lijst zijn, bijvoorbeeld partners: [{ user: U0AB");
        assertThat(refused(regionsFile(AMSTELLAND + "    managers: U0PM\n")).err())
                .contains("regel 6, kolom 15, regio Amstelland: 'managers' moet een lijst zijn, bijvoorbeeld managers: [U0PM]");
    }

    @Test
    void twoRegionsOnOneChannelAreRefused() throws Exception {
        assertThat(refused(regionsFile(AMSTELLAND + "  - { name: Twente, platform: slack, workspace: T01, channel: C01 }\n"))
                .err()).contains("regel 6, kolom 5, regio Twente: kanaal C01 is al van regio Amstelland (regel 2).");
    }

    @Test
    void aPartnerListedTwiceOrAKeyWrittenTwiceIsRefused() throws Exception {
        assertThat(refused(regionsFile(AMSTELLAND + """
                    partners:
                      - { user: U0AB, name: Anna, organisation: Vmbo De Brug }
                      - { user: U0AB, name: Anna, organisation: Gemeente }
                """)).err()).contains("regel 8, kolom 9, regio Amstelland: partner U0AB staat twee keer in deze regio (ook op regel 7).");
        assertThat(refused(regionsFile(AMSTELLAND + "    channel: C02\n")).err())
                .contains("regel 6, kolom 5, regio Amstelland: 'channel' staat er twee keer (ook op regel 5). Laat er één staan.");
    }

    @Test
    void administratorsSeparatedBySemicolonsAreRefusedWithTheExpectedForm() {
        assertThat(refused("borging.admins=slack:U1;teams:x").err()).isEqualTo("Borgingsbot start niet: BORGING_ADMINS: "
                + "'slack:U1;teams:x' is geen beheerder. Schrijf platform:gebruikersid, gescheiden door komma's, "
                + "bijvoorbeeld BORGING_ADMINS=slack:U0123ABC,teams:<aadObjectId>.\n");
    }

    @Test
    void aPlatformWithOnlyItsTokenSetRefusesToStartAndNamesWhatIsMissing() {
        assertThat(refused("SLACK_BOT_TOKEN=xoxb-test").err())
                .contains("SLACK_BOT_TOKEN staat er, maar SLACK_APP_TOKEN (Socket Mode) of SLACK_SIGNING_SECRET (HTTP) ontbreekt");
        assertThat(refused("SLACK_APP_TOKEN=xapp-test").err())
                .contains("SLACK_APP_TOKEN staat er, maar SLACK_BOT_TOKEN ontbreekt");
        assertThat(refused("MICROSOFT_APP_PASSWORD=secret").err())
                .contains("Teams is half ingesteld: MICROSOFT_APP_PASSWORD staat er, maar MICROSOFT_APP_ID, "
                        + "MICROSOFT_APP_TENANT_ID ontbreekt.");
    }

    @Test
    void aSlackThatCannotBeReachedIsSaidSoAndNotCalledABadToken() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String api = "http://127.0.0.1:" + closed + "/api/";

        Started started = start("SLACK_BOT_TOKEN=xoxb-test", "SLACK_SIGNING_SECRET=secret", "SLACK_API_URL=" + api);

        assertThat(started.code()).isEqualTo(Startup.BAD_CONFIGURATION);
        assertThat(started.errLines()).hasSize(1);
        assertThat(started.err()).startsWith("Borgingsbot start niet: Ik kan Slack niet bereiken op " + api + " (")
                .doesNotContain("token is invalid").doesNotContain("weigert");
        assertThat(started.out()).doesNotContain("\tat ");
    }

    @Test
    void aRegionsFileMistakeStopsAConnectedBotBeforeItsDatabaseIsCreated() throws Exception {
        Started started = refused(regionsFile(AMSTELLAND + "    anonymous: misschien\n"), "SLACK_BOT_TOKEN=xoxb-test",
                "SLACK_SIGNING_SECRET=secret", "SLACK_API_URL=http://127.0.0.1:9/api/");

        assertThat(started.err()).contains("regel 6, kolom 16, regio Amstelland: anonymous moet true, false, ja of nee zijn");
    }

    @Test
    void englishIsASettingForStartUpMessagesToo() {
        assertThat(refused("borging.language=en", "borging.admins=slack:U1;teams:x").err())
                .startsWith("Borgingsbot does not start: BORGING_ADMINS: 'slack:U1;teams:x' is not an administrator.");
    }

    @Test
    void anUnreadableRegionsFileIsRefusedNamingIt() {
        assertThat(refused("borging.regions-file=" + dir.resolve("missing.yml")).err())
                .endsWith("missing.yml: dit regiobestand bestaat niet. Controleer BORGING_REGIONS_FILE.\n");
    }
}
