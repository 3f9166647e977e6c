package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's single-tenant credentials get a client-credentials token from the tenant's authority
 * through msal4j (a local fake over HTTPS: nothing leaves the machine), keep it and reuse it, and
 * say in one line which setting to fix when the authority refuses them.
 */
class TenantAppCredentialsTest {

    private static final String SECRET = "s3cret&=";
    private final FakeAuthority authority;

    TenantAppCredentialsTest() throws Exception {
        authority = new FakeAuthority();
    }

    @AfterEach
    void stop() {
        authority.close();
    }

    private TenantAppCredentials credentials() {
        return new TenantAppCredentials("app-1", SECRET, "tenant-1", authority.authority("tenant-1"));
    }

    @Test
    void asksTheTenantsAuthorityForABotFrameworkTokenOnceAndReusesIt() throws Exception {
        TenantAppCredentials credentials = credentials();

        assertThat(credentials.getToken().get()).isEqualTo(FakeAuthority.TOKEN);
        assertThat(credentials.getToken().get()).isEqualTo(FakeAuthority.TOKEN);

        assertThat(authority.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/tenant-1/oauth2/v2.0/token");
            assertThat(request.form()).containsAllEntriesOf(Map.of("grant_type", "client_credentials",
                    "client_id", "app-1", "client_secret", SECRET));
            assertThat(request.form().get("scope").split(" ")).contains("https://api.botframework.com/.default");
        });
        assertThat(credentials.getChannelAuthTenant()).isEqualTo("tenant-1");
    }

    @Test
    void aRefusedSecretIsReportedInOneLineNamingTheSettingWithoutTheSecret() {
        authority.refuseClient();

        assertThatThrownBy(() -> credentials().getToken().get())
                .isInstanceOf(ExecutionException.class)
                .cause().satisfies(failure -> assertThat(failure.getMessage())
                        .contains("MICROSOFT_APP_PASSWORD").contains("401").contains("app-1")
                        .doesNotContain("s3cret").doesNotContain("\n"));
    }

    @Test
    void theDefaultAuthorityIsTheTenantsOwnAtMicrosoftEntra() {
        TenantAppCredentials credentials = new TenantAppCredentials("app-1", "secret", "tenant-1", "");

        assertThat(credentials.authority()).isEqualTo("https://login.microsoftonline.com/tenant-1/");
    }
}
