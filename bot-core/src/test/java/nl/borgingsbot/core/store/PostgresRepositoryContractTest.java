package nl.borgingsbot.core.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository contract on a real PostgreSQL: one embedded server for the class, listening on
 * 127.0.0.1 only, and a fresh database in it per test.
 */
class PostgresRepositoryContractTest extends RepositoryContractTest {

    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    protected Database openDatabase() throws SQLException {
        String name = "contract_" + ++databases;
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Database.open(url(name), "postgres", "");
    }

    @Override
    protected String user() {
        return "postgres";
    }

    @Override
    protected void breakAnswerInserts(Statement statement) throws SQLException {
        statement.execute("CREATE FUNCTION answer_breaks() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$");
        statement.execute("CREATE TRIGGER answer_breaks BEFORE INSERT ON answer"
                + " FOR EACH ROW EXECUTE FUNCTION answer_breaks()");
    }
}
