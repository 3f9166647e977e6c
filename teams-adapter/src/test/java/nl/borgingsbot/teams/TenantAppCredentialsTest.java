package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import nl.borgingsbot.core.testing.MutableClock;

/** The bot's single-tenant credentials fetch a client-credentials token once and reuse it until it nearly expires. */
class TenantAppCredentialsTest {

    private final List<Map<String, String>> requests = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final HttpServer server;

    TenantAppCredentialsTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tenant-1/token", exchange -> {
            try (exchange) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (requests) {
                    requests.add(Arrays.stream(form.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                            p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8))));
                }
                byte[] body = ("{\"access_token\":\"token-" + requests.size() + "\",\"expires_in\":3600}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private TenantAppCredentials credentials(Clock clock) {
        return new TenantAppCredentials("app-1", "s3cret&=", "tenant-1",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/tenant-1/token", clock);
    }

    @Test
    void asksForABotFrameworkTokenWithTheAppsSecretAndReusesIt() throws Exception {
        TenantAppCredentials credentials = credentials(Clock.systemUTC());

        assertThat(credentials.getToken().get()).isEqualTo("token-1");
        assertThat(credentials.getToken().get()).isEqualTo("token-1");

        assertThat(requests).singleElement().isEqualTo(Map.of("grant_type", "client_credentials",
                "client_id", "app-1", "client_secret", "s3cret&=", "scope", "https://api.botframework.com/.default"));
        assertThat(credentials.getChannelAuthTenant()).isEqualTo("tenant-1");
    }

    @Test
    void fetchesANewTokenShortlyBeforeTheOldOneExpires() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
        TenantAppCredentials credentials = credentials(clock);

        assertThat(credentials.getToken().get()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(54));
        assertThat(credentials.getToken().get()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(2)); // within five minutes of the hour the token lasts

        assertThat(credentials.getToken().get()).isEqualTo("token-2");
    }

    @Test
    void aRefusedTokenRequestFailsTheCallWithoutTheSecretInTheMessage() {
        status.set(401);

        assertThatThrownBy(() -> credentials(Clock.systemUTC()).getToken().get())
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theDefaultTokenEndpointIsTheTenantsOwn() {
        TenantAppCredentials credentials = new TenantAppCredentials("app-1", "secret", "tenant-1", "", Clock.systemUTC());

        assertThat(credentials.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.com/tenant-1");
    }
}
