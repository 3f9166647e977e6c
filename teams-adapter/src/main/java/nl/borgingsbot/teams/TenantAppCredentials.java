package nl.borgingsbot.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Serialization;

/**
 * The bot's single-tenant credentials for calling the Bot Connector: app id, secret and tenant.
 * The token comes from the tenant's own token endpoint
 * ({@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}, client-credentials grant,
 * scope {@code https://api.botframework.com/.default}) and is reused until shortly before it expires.
 *
 * <p>The token is fetched here rather than through the SDK's MSAL authenticator so that the token
 * endpoint can be given (a test's local fake; MSAL insists on HTTPS and on instance discovery at
 * Microsoft's hosts). The secret is sent only to the token endpoint and never logged.
 */
public final class TenantAppCredentials extends MicrosoftAppCredentials {

    private static final Duration EARLY = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI tokenUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private String token;
    private Instant expires = Instant.MIN;

    /**
     * @param appId    the Microsoft app id
     * @param password the app's client secret
     * @param tenantId the tenant the app is registered in
     * @param tokenUrl the token endpoint; empty for the tenant's Microsoft Entra endpoint
     * @param clock    to know when a token expires
     */
    public TenantAppCredentials(String appId, String password, String tenantId, String tokenUrl, Clock clock) {
        super(appId, password, tenantId, AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
        this.tokenUrl = URI.create(tokenUrl.isBlank() ? oAuthEndpoint() + "/oauth2/v2.0/token" : tokenUrl);
        this.clock = clock;
    }

    @Override
    public synchronized CompletableFuture<String> getToken() {
        if (token == null || !clock.instant().isBefore(expires)) {
            try {
                fetch();
            } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(new AuthenticationException(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(new AuthenticationException(e));
            }
        }
        return CompletableFuture.completedFuture(token);
    }

    private void fetch() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(getAppId())
                + "&client_secret=" + encode(getAppPassword())
                + "&scope=" + encode(oAuthScope());
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint " + tokenUrl + " answered " + response.statusCode());
        }
        JsonNode body = Serialization.jsonToTree(response.body());
        JsonNode accessToken = body.get("access_token");
        if (accessToken == null || !accessToken.isTextual()) {
            throw new IOException("the token endpoint " + tokenUrl + " sent no access_token");
        }
        long seconds = body.path("expires_in").asLong(3600);
        token = accessToken.asText();
        expires = clock.instant().plusSeconds(seconds).minus(EARLY);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
