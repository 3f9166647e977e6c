package nl.borgingsbot.teams;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;

/**
 * Decides whether a request to {@code /api/messages} comes from the Bot Framework.
 *
 * <p>With an app id, the {@code Authorization} header must carry a token the Bot Framework signed
 * (its OpenID metadata names the keys), issued by {@code https://api.botframework.com}, for this
 * app id, endorsed for the activity's channel and naming the activity's service URL. Anything
 * else — no header, a malformed, forged or expired token, or keys that cannot be fetched — is
 * refused: the check fails closed. Only channel tokens are accepted: Teams traffic comes from the
 * Bot Framework channel service, never from the emulator or a skill.
 *
 * <p>Without an app id (the explicit local emulator mode) every request is accepted.
 */
public final class RequestAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(RequestAuthenticator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final CredentialProvider credentials;
    private final boolean required;

    private RequestAuthenticator(CredentialProvider credentials, boolean required) {
        this.credentials = credentials;
        this.required = required;
    }

    /**
     * Requires a Bot Framework token for this app id.
     *
     * @param appId             the bot's Microsoft app id
     * @param openIdMetadataUrl where the Bot Framework's signing keys are described; empty for the
     *                          public Bot Framework's
     */
    public static RequestAuthenticator botFramework(String appId, String openIdMetadataUrl) {
        if (!openIdMetadataUrl.isBlank()) {
            ChannelValidation.setOpenIdMetaDataUrl(openIdMetadataUrl);
        }
        return new RequestAuthenticator(new SimpleCredentialProvider(appId, ""), true);
    }

    /** Accepts every request: the unauthenticated local (emulator) mode. */
    public static RequestAuthenticator none() {
        return new RequestAuthenticator(new SimpleCredentialProvider(), false);
    }

    /** Whether a request must carry a token at all. */
    public boolean required() {
        return required;
    }

    /** True when the request may be handled. */
    public boolean accepts(Activity activity, String authorizationHeader) {
        if (!required) {
            return true;
        }
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return false;
        }
        try {
            ClaimsIdentity identity = ChannelValidation.authenticateToken(authorizationHeader, credentials,
                            activity.getChannelId(), activity.getServiceUrl(), new AuthenticationConfiguration())
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return identity != null && identity.isAuthenticated();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // the reason, never the token
            LOG.warn("Refused a request to /api/messages: {}", rootMessage(e));
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
