package nl.borgingsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import nl.borgingsbot.core.store.Database;

/**
 * {@code backup --out <file>}: a consistent copy of the SQLite database, taken while another
 * connection keeps writing; one-line refusals with exit code 2 for a bad target or PostgreSQL.
 */
class BackupCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBackupIsAValidDatabaseWithTheSameRowsWhileAnotherConnectionWrites() throws Exception {
        Path source = dir.resolve("bot.db");
        Path copy = dir.resolve("backup.db");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(100);
        Thread writer;
        try (Database database = Database.open("jdbc:sqlite:" + source, "", "")) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            }
            writer = new Thread(() -> {
                while (writing.get()) {
                    try (Connection connection = database.dataSource().getConnection();
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
                        insert.setString(1, "note " + written.incrementAndGet());
                        insert.executeUpdate();
                        started.countDown();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
            started.await();

            int code = BackupCli.run(new String[] {"backup", "--out", copy.toString(),
                    "--borging.db.url=jdbc:sqlite:" + source}, out);
            int writtenDuringBackup = written.get();
            writing.set(false);
            writer.join();

            assertThat(code).as(printed()).isEqualTo(BackupCli.OK);
            assertThat(printed()).contains("Back-up gemaakt").contains(copy.toString());
            List<String> original = notes(source);
            List<String> backedUp = notes(copy);
            assertThat(query(copy, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(backedUp).isNotEmpty().hasSizeLessThanOrEqualTo(writtenDuringBackup);
            // one moment of the database: exactly the rows committed before it, none torn
            assertThat(original.subList(0, backedUp.size())).isEqualTo(backedUp);
            // the bot's own schema is in the copy too
            assertThat(query(copy, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"))
                    .first().isNotEqualTo("0");
        }
    }

    @Test
    void anExistingFileIsNotOverwritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("there.db"), "mine");
        assertThat(BackupCli.run(new String[] {"backup", "--out", existing.toString()}, out)).isEqualTo(BackupCli.USAGE);
        assertThat(printed()).contains("bestaat al").hasLineCount(1);
        assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void aMissingDirectoryIsRefused() {
        Path target = dir.resolve("nowhere").resolve("backup.db");
        assertThat(BackupCli.run(new String[] {"backup", "--out", target.toString()}, out)).isEqualTo(BackupCli.USAGE);
        assertThat(printed()).contains("bestaat niet").hasLineCount(1);
    }

    @Test
    void postgresqlIsBackedUpWithPgDump() {
        assertThat(BackupCli.run(new String[] {"backup", "--out", dir.resolve("b.db").toString(),
                "--borging.db.url=jdbc:postgresql://127.0.0.1:1/borging"}, out)).isEqualTo(BackupCli.USAGE);
        assertThat(printed()).contains("pg_dump").hasLineCount(1);
    }

    @Test
    void withoutOutItSaysHowToUseIt() {
        assertThat(BackupCli.run(new String[] {"backup"}, out)).isEqualTo(BackupCli.USAGE);
        assertThat(printed()).startsWith("Gebruik:");
    }

    private static List<String> notes(Path file) throws SQLException {
        return query(file, "SELECT text FROM notes ORDER BY id");
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        List<String> rows = new ArrayList<>();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
