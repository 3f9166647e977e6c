package nl.borgingsbot.teams.spring;

import org.springframework.core.env.Environment;

/**
 * The Teams settings, from the environment.
 *
 * <ul>
 *   <li>{@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD}, {@code MICROSOFT_APP_TENANT_ID}:
 *   the Azure bot's single-tenant credentials. With an app id the bot talks to Teams, and every
 *   request must carry a valid Bot Framework token.</li>
 *   <li>{@code BORGING_TEAMS_EMULATOR=true}: the unauthenticated local mode for the Bot Framework
 *   Emulator. Refused together with an app id, so a configured deployment cannot fall into it.</li>
 *   <li>{@code BORGING_TEAMS_OPENID_METADATA_URL}, {@code BORGING_TEAMS_AUTHORITY_URL}: where the Bot
 *   Framework's signing keys and the tenant's authority (its token endpoint, for msal4j) are; empty
 *   for Microsoft's (tests point them at local fakes).</li>
 * </ul>
 */
public record TeamsSettings(String appId, String password, String tenantId, boolean emulator,
                            String openIdMetadataUrl, String authorityUrl) {

    static final String APP_ID = "MICROSOFT_APP_ID";
    static final String PASSWORD = "MICROSOFT_APP_PASSWORD";
    static final String TENANT_ID = "MICROSOFT_APP_TENANT_ID";
    static final String EMULATOR = "borging.teams.emulator";

    /** Reads the settings; says what is wrong when they do not fit together. */
    public static TeamsSettings from(Environment environment) {
        TeamsSettings settings = new TeamsSettings(
                environment.getProperty(APP_ID, "").strip(),
                environment.getProperty(PASSWORD, ""),
                environment.getProperty(TENANT_ID, "").strip(),
                environment.getProperty(EMULATOR, Boolean.class, false),
                environment.getProperty("borging.teams.openid-metadata-url", "").strip(),
                environment.getProperty("borging.teams.authority-url", "").strip());
        settings.validate();
        return settings;
    }

    /** Whether Teams is connected at all: with an app id, or in the explicit emulator mode. */
    /** {@code false} for a server-side command that must not connect to any chat platform. */
    static final String PLATFORMS_ENABLED = "borging.platforms.enabled";

    public static boolean enabled(Environment environment) {
        if (!environment.getProperty(PLATFORMS_ENABLED, Boolean.class, true)) {
            return false; // a server-side command (export) runs without any chat platform
        }
        return !environment.getProperty(APP_ID, "").isBlank()
                || environment.getProperty(EMULATOR, Boolean.class, false);
    }

    public boolean authenticated() {
        return !appId.isBlank();
    }

    private void validate() {
        if (authenticated() && emulator) {
            throw new IllegalStateException("BORGING_TEAMS_EMULATOR=true turns off the check that requests come from "
                    + "Microsoft Teams, and cannot be combined with MICROSOFT_APP_ID. Remove one of the two.");
        }
        if (authenticated() && password.isBlank()) {
            throw new IllegalStateException("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not (the client "
                    + "secret of the Azure bot's app registration).");
        }
        if (authenticated() && tenantId.isBlank()) {
            throw new IllegalStateException("MICROSOFT_APP_ID is set but MICROSOFT_APP_TENANT_ID is not (the "
                    + "directory (tenant) id of the single-tenant Azure bot).");
        }
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", tenantId=" + tenantId + ", emulator=" + emulator + "]"; // never the password
    }
}
