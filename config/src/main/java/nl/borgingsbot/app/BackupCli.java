package nl.borgingsbot.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import nl.borgingsbot.core.store.Database;

/**
 * {@code java -jar borgingsbot.jar backup --out <bestand>}: a consistent copy of the SQLite
 * database, also while the bot runs ({@code VACUUM INTO}: one read transaction, so writers carry
 * on and the copy is the database at one moment). The database is the one the bot would use
 * ({@code BORGING_DB_URL}, {@code --borging.db.url=…} or application.yml). PostgreSQL is backed up
 * with its own {@code pg_dump}. Nothing is migrated or started.
 */
final class BackupCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "Gebruik: java -jar borgingsbot.jar backup --out <nieuw bestand>";
    private static final String SQLITE = "jdbc:sqlite:";

    private BackupCli() {
    }

    static int run(String[] args, PrintStream out) {
        Optional<Path> target = Optional.empty();
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                target = Optional.of(Path.of(args[++i]).toAbsolutePath());
            } else if (args[i].startsWith("--borging.")) {
                settings.add(args[i]);
            } else {
                out.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (target.isEmpty()) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        Path file = target.get();
        if (Files.exists(file)) {
            out.println("Back-up niet gemaakt: " + file + " bestaat al. Kies een nieuw bestand.");
            return USAGE;
        }
        if (!Files.isDirectory(file.getParent())) {
            out.println("Back-up niet gemaakt: de map " + file.getParent() + " bestaat niet.");
            return USAGE;
        }
        String url = databaseUrl(settings.toArray(new String[0]));
        if (url.startsWith("jdbc:postgresql:")) {
            out.println("De bot gebruikt PostgreSQL: maak de back-up met pg_dump (zie deploy/README.md).");
            return USAGE;
        }
        if (!url.startsWith(SQLITE)) {
            out.println("Back-up niet gemaakt: " + url + " is geen SQLite-database (jdbc:sqlite:<bestand>).");
            return USAGE;
        }
        Path database = sqliteFile(url);
        if (!Files.isRegularFile(database)) {
            out.println("Back-up niet gemaakt: de database " + database + " bestaat niet (BORGING_DB_URL).");
            return USAGE;
        }
        try (Connection connection = DriverManager.getConnection(SQLITE + database)) {
            try (Statement pragma = connection.createStatement()) {
                pragma.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT.toMillis());
            }
            try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, file.toString());
                vacuum.execute();
            }
        } catch (SQLException e) {
            out.println("Back-up mislukt: " + database + " naar " + file + ": " + e.getMessage());
            return FAILED;
        }
        out.println("Back-up gemaakt: " + file + " (uit " + database + ").");
        return OK;
    }

    /** The database URL as the application would see it: the arguments, the environment, application.yml. */
    static String databaseUrl(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return environment.getProperty("borging.db.url", Database.DEFAULT_URL).strip();
    }

    private static Path sqliteFile(String url) {
        String file = url.substring(SQLITE.length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        return Path.of(file.startsWith("file:") ? file.substring("file:".length()) : file).toAbsolutePath();
    }
}
