package nl.borgingsbot.app;

import java.util.List;

import org.springframework.core.env.Environment;

import nl.borgingsbot.core.i18n.Refusal;

/**
 * Which chat platform the environment sets (names only; values are never logged). A platform
 * set only in part — only {@code SLACK_BOT_TOKEN}, only {@code MICROSOFT_APP_PASSWORD} — is a
 * {@link Refusal} naming what is missing: it must not fall back to the demo.
 */
final class Credentials {

    static final String SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
    static final List<String> SLACK_TRANSPORTS = List.of("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET");
    static final List<String> TEAMS = List.of("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID");
    private static final String TEAMS_EMULATOR = "borging.teams.emulator";

    private Credentials() {
    }

    /** True when Slack or Teams is fully set; false when neither is set at all (the demo runs). */
    static boolean anyPlatform(Environment environment) {
        return slack(environment) | teams(environment);
    }

    private static boolean slack(Environment environment) {
        boolean bot = isSet(environment, SLACK_BOT_TOKEN);
        List<String> transports = SLACK_TRANSPORTS.stream().filter(name -> isSet(environment, name)).toList();
        if (bot && transports.isEmpty()) {
            throw new Refusal("config.slack.noTransport");
        }
        if (!bot && !transports.isEmpty()) {
            throw new Refusal("config.slack.noBotToken", String.join(", ", transports));
        }
        return bot;
    }

    private static boolean teams(Environment environment) {
        List<String> set = TEAMS.stream().filter(name -> isSet(environment, name)).toList();
        if (!set.isEmpty() && set.size() < TEAMS.size()) {
            throw new Refusal("config.teams.incomplete", String.join(", ", set),
                    String.join(", ", TEAMS.stream().filter(name -> !set.contains(name)).toList()));
        }
        return !set.isEmpty() || environment.getProperty(TEAMS_EMULATOR, Boolean.class, false);
    }

    private static boolean isSet(Environment environment, String name) {
        String value = environment.getProperty(name);
        return value != null && !value.isBlank();
    }

    static String howToConnect() {
        return """
                Zo koppel je de bot aan jullie chat (zie README.md):
                  Slack: SLACK_BOT_TOKEN en SLACK_APP_TOKEN (Socket Mode), of SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET (HTTP).
                  Teams: MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD en MICROSOFT_APP_TENANT_ID.
                  Beheerders die regio's mogen koppelen: BORGING_ADMINS=slack:U0123ABC,teams:<aadObjectId>.
                  Database: standaard ./data/borgingsbot.db (SQLite); PostgreSQL via BORGING_DB_URL.""";
    }
}
