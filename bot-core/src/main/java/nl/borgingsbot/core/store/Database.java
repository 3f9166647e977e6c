package nl.borgingsbot.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import nl.borgingsbot.core.Repositories;

/**
 * The bot's database, opened from a JDBC URL and migrated to the current schema with Flyway
 * (scripts in {@code db/migration}, one set for both databases). An adapter keeps its own tables
 * in its own location and history table (the Teams adapter: {@code db/teams}); the core's
 * scripts name no platform.
 *
 * <p>The scripts are the same SQL for both; where the two must differ, in the auto-increment key,
 * a script writes the Flyway placeholder {@code ${id_pk}}, which this class fills in per database.
 * Should a later migration differ wholesale (say, Quartz's tables), use Flyway's vendor locations:
 * move the shared scripts to {@code db/migration/common} (a location is scanned with its
 * subfolders, so vendor folders cannot sit inside it) and add {@code db/migration/{vendor}}.
 *
 * <ul>
 *   <li><b>SQLite</b> ({@code jdbc:sqlite:<file>}, the embedded default {@value #DEFAULT_URL}):
 *   one file; its directory is created when missing. Every connection has WAL journal mode,
 *   {@code synchronous=FULL} (a committed answer survives a power cut, not only a restart),
 *   foreign keys on and a busy timeout of {@link #BUSY_TIMEOUT}.</li>
 *   <li><b>PostgreSQL</b> ({@code jdbc:postgresql://host/db}): a HikariCP pool of the pgjdbc driver.</li>
 * </ul>
 *
 * <p><b>SQLite and its one writer.</b> The pool holds {@value #SQLITE_POOL_SIZE} connections, not
 * one: in WAL mode readers never wait for the writer, so a report being built does not hold up a
 * partner's answer. Writers do take turns, and they do so safely because every write transaction
 * begins IMMEDIATE (the repositories write through {@link Database#dataSource()}): it takes the
 * write lock at its start, waiting up to the busy timeout for it, rather than starting as a reader
 * and failing with SQLITE_BUSY when it wants to write — an upgrade SQLite will not wait for.
 * Writes are short (a few statements, no chat traffic inside a transaction), so a wait is in
 * milliseconds; the timeout only bounds a pathological case. Reads run in auto-commit mode, one
 * statement each. A pool of one would be correct too, but would queue every read behind every write.
 */
public final class Database implements AutoCloseable {

    /** The embedded default: a SQLite file under {@code ./data}. */
    public static final String DEFAULT_URL = "jdbc:sqlite:./data/borgingsbot.db";

    /** How long a SQLite write waits for another writer before it fails. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    static final int SQLITE_POOL_SIZE = 4;
    static final int POSTGRES_POOL_SIZE = 8;

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource dataSource;
    private final boolean sqlite;
    private final String url;

    private Database(HikariDataSource dataSource, boolean sqlite, String url) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
        this.url = url;
    }

    /**
     * Opens the database and brings its schema up to date (a no-op when it already is).
     *
     * @param jdbcUrl  {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://<host>[:port]/<database>}
     * @param user     database user; empty (or null) for SQLite, or to use the URL's own
     * @param password database password; empty (or null) for none
     * @return the open, migrated database; close it when done
     * @throws IllegalStateException when the database cannot be opened or migrated; the message
     *                               names the URL (any password in it masked) and the reason
     */
    public static Database open(String jdbcUrl, String user, String password) {
        String shownUrl = withoutPassword(jdbcUrl);
        boolean sqlite = jdbcUrl.startsWith(SQLITE_PREFIX);
        if (!sqlite && !jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalStateException("Cannot open the database at " + shownUrl
                    + ": only jdbc:sqlite:<file> and jdbc:postgresql://<host>/<database> are supported");
        }
        HikariDataSource pool = null;
        try {
            pool = sqlite ? sqlitePool(jdbcUrl) : postgresPool(jdbcUrl, user, password);
            migrate(pool, sqlite);
            return new Database(pool, sqlite, shownUrl);
        } catch (IOException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw new IllegalStateException("Cannot open the database at " + shownUrl + ": " + reason(e), e);
        }
    }

    private static HikariDataSource sqlitePool(String jdbcUrl) throws IOException {
        createParentDirectory(sqliteFile(jdbcUrl));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(jdbcUrl);

        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("borgingsbot-sqlite");
        hikari.setDataSource(sqlite);
        hikari.setMaximumPoolSize(SQLITE_POOL_SIZE);
        hikari.setConnectionTimeout(BUSY_TIMEOUT.multipliedBy(2).toMillis());
        return new HikariDataSource(hikari);
    }

    /** The file a SQLite URL names; refuses an in-memory database, which a pool would split in several. */
    private static Path sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring(SQLITE_PREFIX.length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        if (file.isBlank() || file.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
            throw new IllegalArgumentException("an in-memory SQLite database loses every answer on restart; name a file");
        }
        return Path.of(file);
    }

    private static void createParentDirectory(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static HikariDataSource postgresPool(String jdbcUrl, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("borgingsbot-postgres");
        hikari.setJdbcUrl(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            hikari.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        return new HikariDataSource(hikari);
    }

    /**
     * Migrations once applied by the core that moved to an adapter's own Flyway location: an existing
     * database keeps them in its history, and only these may be missing here (5.1: a platform's
     * conversation table, now its adapter's).
     */
    static final Set<String> MOVED_TO_ADAPTERS = Set.of("5.1");

    private static void migrate(DataSource dataSource, boolean sqlite) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("id_pk", sqlite
                        ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                        : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))
                .ignoreMigrationPatterns("*:future", "versioned:missing") // "*:future" is Flyway's default
                .failOnMissingLocations(true)
                .load();
        List<String> missing = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getState() == MigrationState.MISSING_SUCCESS || m.getState() == MigrationState.MISSING_FAILED)
                .map(m -> m.getVersion().getVersion())
                .filter(version -> !MOVED_TO_ADAPTERS.contains(version))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The database has applied migrations " + missing
                    + " that this version of the bot does not have; open it with the version that wrote it.");
        }
        flyway.migrate();
    }

    static String withoutPassword(String jdbcUrl) {
        return PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
    }

    /** The innermost cause's message, which says what actually went wrong. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** The JDBC repositories on this database. */
    public Repositories repositories() {
        return new Repositories(new JdbcRegionRepository(dataSource), new JdbcRoundRepository(dataSource),
                new JdbcCheckInRepository(dataSource), new JdbcScheduleRepository(dataSource),
                new JdbcReminderLog(dataSource), new JdbcActionRepository(dataSource),
                new JdbcAbsenceRepository(dataSource), new JdbcForgetting(dataSource),
                new JdbcHandledEvents(dataSource), new JdbcConsentRepository(dataSource),
                new JdbcDeliveryFailureLog(dataSource), new JdbcPersonalResultSettings(dataSource),
                new JdbcOutboxStore(dataSource));
    }

    /**
     * The pooled connections. Write through these (not a DataSource of your own) so that SQLite
     * transactions begin IMMEDIATE.
     *
     * @return the connection pool
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return whether this is SQLite (else PostgreSQL) */
    public boolean isSqlite() {
        return sqlite;
    }

    /** @return the URL it was opened with, any password in it masked */
    public String url() {
        return url;
    }

    /** Closes every connection; on SQLite the last one out checkpoints the WAL into the file. */
    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + url + "]";
    }
}
