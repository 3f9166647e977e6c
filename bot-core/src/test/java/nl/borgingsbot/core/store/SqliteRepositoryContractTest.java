package nl.borgingsbot.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.io.TempDir;

/** The repository contract on a fresh SQLite file per test. */
class SqliteRepositoryContractTest extends RepositoryContractTest {

    @TempDir
    Path directory;

    @Override
    protected Database openDatabase() {
        return Database.open("jdbc:sqlite:" + directory.resolve("contract.db"), "", "");
    }

    @Override
    protected String user() {
        return "";
    }

    @Override
    protected void breakAnswerInserts(Statement statement) throws SQLException {
        statement.execute("CREATE TRIGGER answer_breaks BEFORE INSERT ON answer"
                + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    }
}
