package nl.borgingsbot.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Database} opens SQLite, and how it says that it cannot open a database. */
class SqliteDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void everyConnectionRunsInWalModeWithBusyTimeoutAndForeignKeys() throws SQLException {
        try (Database database = Database.open(url("bot.db"), "", "")) {
            assertThat(database.isSqlite()).isTrue();
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < Database.SQLITE_POOL_SIZE; i++) {
                    connections.add(database.dataSource().getConnection());
                }
                for (Connection connection : connections) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(connection, "synchronous")).isEqualTo("2"); // FULL
                }
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
        assertThat(directory.resolve("bot.db")).isRegularFile();
    }

    @Test
    void theDirectoryOfTheFileIsCreated() {
        Path file = directory.resolve("data/nested/borgingsbot.db");

        try (Database database = Database.open("jdbc:sqlite:" + file, "", "")) {
            assertThat(database.url()).isEqualTo("jdbc:sqlite:" + file);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void theDefaultUrlIsAFileUnderData() {
        assertThat(Database.DEFAULT_URL).isEqualTo("jdbc:sqlite:./data/borgingsbot.db");
    }

    @Test
    void aFileThatCannotBeCreatedIsReportedWithItsUrl() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        String url = "jdbc:sqlite:" + notADirectory.resolve("bot.db");

        assertThatThrownBy(() -> Database.open(url, "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the database at " + url + ": ");
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedWithItsUrl() throws IOException {
        Path garbage = Files.writeString(directory.resolve("garbage.db"), "this is not a database file, really not ".repeat(100));
        String url = "jdbc:sqlite:" + garbage;

        assertThatThrownBy(() -> Database.open(url, "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the database at " + url + ": ")
                .hasMessageContaining("not a database");
    }

    @Test
    void anInMemoryDatabaseIsRefused() {
        assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:", "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:sqlite::memory:")
                .hasMessageContaining("in-memory");
    }

    @Test
    void anUnsupportedUrlIsRefused() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1/bot", "", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jdbc:mysql://127.0.0.1/bot")
                .hasMessageContaining("jdbc:sqlite:");
    }

    @Test
    void anUnreachablePostgresIsReportedWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/borgingsbot?user=bot&password=s3cret&connectTimeout=2";

        assertThatThrownBy(() -> Database.open(url, "bot", "an0ther-s3cret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the database at "
                        + "jdbc:postgresql://127.0.0.1:1/borgingsbot?user=bot&password=***&connectTimeout=2: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    private String url(String file) {
        return "jdbc:sqlite:" + directory.resolve(file);
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
