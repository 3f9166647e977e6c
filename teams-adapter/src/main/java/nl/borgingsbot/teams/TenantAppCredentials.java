package nl.borgingsbot.teams;

import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;

/**
 * The bot's single-tenant credentials for calling the Bot Connector: app id, secret and tenant,
 * through msal4j's {@link ConfidentialClientApplication} with the tenant's authority
 * ({@code https://login.microsoftonline.com/<tenant>/}, client-credentials grant, scope
 * {@code https://api.botframework.com/.default}). The token is reused until five minutes before it
 * expires: msal4j's own cache does that for Microsoft's authority, but misses for an authority URL
 * with a port (it keys its instance metadata by the host alone), so the last result is kept here too.
 *
 * <p>Another authority (a test's local fake) is taken as given: no instance discovery and no
 * authority validation at Microsoft's hosts. The secret is sent only to the authority's token
 * endpoint; a refusal is reported in one line naming the setting to fix, never with the secret.
 */
public final class TenantAppCredentials extends MicrosoftAppCredentials {

    static final String DEFAULT_AUTHORITY = "https://login.microsoftonline.com/";
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final String authority;
    private final boolean microsoft;
    private volatile IAuthenticationResult last;

    /**
     * @param appId     the Microsoft app id
     * @param password  the app's client secret
     * @param tenantId  the tenant the app is registered in
     * @param authority the tenant's authority URL; empty for Microsoft Entra's
     */
    public TenantAppCredentials(String appId, String password, String tenantId, String authority) {
        super(appId, password, tenantId, AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
        this.microsoft = authority.isBlank();
        this.authority = microsoft ? DEFAULT_AUTHORITY + tenantId + "/" : authority.endsWith("/") ? authority : authority + "/";
    }

    /** The authority msal4j asks for tokens. */
    public String authority() {
        return authority;
    }

    @Override
    protected Authenticator buildAuthenticator() throws MalformedURLException {
        ConfidentialClientApplication app = ConfidentialClientApplication
                .builder(getAppId(), ClientCredentialFactory.createFromSecret(getAppPassword()))
                .authority(authority)
                .instanceDiscovery(microsoft)
                .validateAuthority(microsoft)
                .build();
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(Set.of(oAuthScope())).build();
        return () -> {
            IAuthenticationResult kept = last;
            if (kept != null && Instant.now().plus(EARLY).isBefore(kept.expiresOnDate().toInstant())) {
                return CompletableFuture.completedFuture(kept);
            }
            return app.acquireToken(parameters).handle((result, failure) -> {
                if (failure != null) {
                    throw new AuthenticationException(refusal(failure), null);
                }
                last = result;
                return result;
            });
        };
    }

    /** One line: what went wrong and which setting to check (never the secret, nor msal4j's whole answer). */
    private String refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String where = "Microsoft Teams: no token from " + authority + " for app " + getAppId();
        if (cause instanceof MsalServiceException refused) {
            String code = refused.errorCode() == null ? "" : refused.errorCode();
            String fix = switch (code) {
                case "invalid_client" -> "check MICROSOFT_APP_PASSWORD (the client secret of the app registration; "
                        + "it may have expired)";
                case "unauthorized_client" -> "check MICROSOFT_APP_ID (the app registration's application id)";
                case "invalid_request", "invalid_tenant" -> "check MICROSOFT_APP_TENANT_ID (the directory (tenant) id)";
                default -> "check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID";
            };
            return where + " (HTTP " + refused.statusCode() + ", " + code + "): " + fix + ".";
        }
        return where + ": " + cause.getClass().getSimpleName() + " (is " + authority + " reachable?).";
    }
}
