package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.teams.TeamsGateway;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.Gateways;

/**
 * When the application talks to Microsoft Teams: with an app id (authenticated), or in the explicit
 * local emulator mode; never by accident, and without credentials it is the demo, with no web server.
 */
class TeamsWiringTest {

    private static final String ACTIVITY = """
            {"type":"conversationUpdate","id":"1","timestamp":"2026-11-23T09:15:30Z","channelId":"emulator",
             "serviceUrl":"http://127.0.0.1:1/","from":{"id":"user-1"},"recipient":{"id":"bot"},
             "conversation":{"id":"conv-1","conversationType":"personal"}}""";

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 2];
        args[0] = "--borging.db.url=jdbc:sqlite:" + dir.resolve("bot.db");
        args[1] = "--server.port=0";
        for (int i = 0; i < properties.length; i++) {
            args[i + 2] = "--" + properties[i];
        }
        return new SpringApplication(BorgingsbotApplication.class).run(args);
    }

    private static int post(ConfigurableApplicationContext context, String authorization) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ACTIVITY));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void withoutCredentialsThereIsNoGatewayAndNoWebServerSoTheDemoRunsAndExits() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanProvider(ChatGateway.class).stream()).isEmpty();
        }
    }

    @Test
    void withAnAppIdTeamsIsConnectedAndRequestsWithoutATokenAreRefused() throws Exception {
        try (ConfigurableApplicationContext context = start("MICROSOFT_APP_ID=app-1",
                "MICROSOFT_APP_PASSWORD=secret", "MICROSOFT_APP_TENANT_ID=tenant-1",
                // never Microsoft's hosts from a test: a closed local port
                "borging.teams.openid-metadata-url=http://127.0.0.1:1/openid",
                "borging.teams.authority-url=https://127.0.0.1:1/tenant/")) {
            assertThat(context.getBean(Gateways.class).of(TeamsGateway.PLATFORM)).isNotNull();
            assertThat(post(context, null)).isEqualTo(401);
            assertThat(post(context, "Bearer not-a-token")).isEqualTo(401);
        }
    }

    @Test
    void theEmulatorModeAcceptsLocalTrafficWithoutAToken() throws Exception {
        try (ConfigurableApplicationContext context = start("borging.teams.emulator=true")) {
            assertThat(context.getBean(Gateways.class).of(TeamsGateway.PLATFORM)).isNotNull();
            assertThat(post(context, null)).isEqualTo(200);
        }
    }

    @Test
    void theEmulatorModeCannotBeCombinedWithAnAppId() {
        assertThatThrownBy(() -> start("MICROSOFT_APP_ID=app-1", "MICROSOFT_APP_PASSWORD=secret",
                "MICROSOFT_APP_TENANT_ID=tenant-1", "borging.teams.emulator=true"))
                .satisfies(e -> assertThat(root(e).getMessage()).contains("BORGING_TEAMS_EMULATOR")
                        .contains("MICROSOFT_APP_ID"));
    }

    @Test
    void anAppIdWithoutItsTenantStopsStartUp() {
        assertThatThrownBy(() -> start("MICROSOFT_APP_ID=app-1", "MICROSOFT_APP_PASSWORD=secret"))
                .satisfies(e -> assertThat(root(e).getMessage()).contains("MICROSOFT_APP_TENANT_ID"));
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
