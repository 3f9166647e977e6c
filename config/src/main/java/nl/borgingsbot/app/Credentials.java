package nl.borgingsbot.app;

import java.util.List;

import org.slf4j.Logger;

/** Which chat platform credentials are present in the environment (names only; values are never logged). */
final class Credentials {

    static final List<String> SLACK = List.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET");
    static final List<String> TEAMS = List.of("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID");

    private Credentials() {
    }

    /** Says which credentials were set but are not enough to connect (the demo runs instead). */
    static void warnIfSetButUnsupported(Logger log) {
        List<String> slack = SLACK.stream().filter(Credentials::isSet).toList();
        if (!slack.isEmpty()) {
            log.warn("{} is set, but Slack needs SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) "
                    + "or with SLACK_SIGNING_SECRET (HTTP mode); running the demo instead.", slack);
        }
        List<String> teams = TEAMS.stream().filter(Credentials::isSet).toList();
        if (!teams.isEmpty()) {
            log.warn("{} is set, but Teams needs MICROSOFT_APP_ID (with MICROSOFT_APP_PASSWORD and "
                    + "MICROSOFT_APP_TENANT_ID); running the demo instead.", teams);
        }
    }

    private static boolean isSet(String name) {
        return System.getenv(name) != null && !System.getenv(name).isBlank();
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
