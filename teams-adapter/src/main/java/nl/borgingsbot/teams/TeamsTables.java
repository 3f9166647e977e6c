package nl.borgingsbot.teams;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The Teams adapter's own tables ({@code teams_conversation}, {@code teams_file_offer}), migrated
 * by Flyway from the adapter's own location {@code db/teams} with its own history table
 * {@value #HISTORY}, beside the core's. The same SQL runs on SQLite and PostgreSQL.
 *
 * <p>A database from before this location already holds both tables (created by the core's
 * migrations V5_1 and V8, still in the core's history): the adapter's history then starts with a
 * baseline, and its scripts ({@code CREATE TABLE IF NOT EXISTS}) leave the tables and their rows
 * as they are.
 */
final class TeamsTables {

    static final String HISTORY = "flyway_teams_history";

    private TeamsTables() {
    }

    /** Creates or upgrades the tables; safe to call more than once, and by more than one instance. */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/teams")
                .table(HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
