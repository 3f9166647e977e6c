package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.testing.MutableClock;

/** The stored conversation references, on a real SQLite file and a real (embedded) PostgreSQL. */
class ConversationStoreTest {

    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgresql");
    }

    private static Database open(String kind) throws Exception {
        if (kind.equals("sqlite")) {
            return Database.open("jdbc:sqlite:" + Files.createTempDirectory("teams-store").resolve("bot.db"), "", "");
        }
        String name = "teams_store_" + ++databases;
        String admin = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        try (Connection connection = DriverManager.getConnection(admin + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Database.open(admin + name, "postgres", "");
    }

    private static ConversationRef personal(String conversation, Optional<String> teamsUserId) {
        return new ConversationRef(ConversationRef.Kind.PERSONAL, "tenant-1", "aad-1", "https://smba.example/emea/",
                conversation, teamsUserId, "28:bot");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReferenceIsStoredRefreshedAndFoundByKindTenantAndKey(String kind) throws Exception {
        try (Database database = open(kind)) {
            ConversationStore store = new ConversationStore(database.dataSource(),
                    Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));

            store.save(personal("a:first", Optional.of("29:user-1")));
            store.save(personal("a:second", Optional.empty()));

            assertThat(store.find(ConversationRef.Kind.PERSONAL, "tenant-1", "aad-1"))
                    .contains(personal("a:second", Optional.of("29:user-1"))); // a known Teams id is kept
            assertThat(store.find(ConversationRef.Kind.CHANNEL, "tenant-1", "aad-1")).isEmpty();
            assertThat(store.find(ConversationRef.Kind.PERSONAL, "tenant-2", "aad-1")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLatestReferenceOfATenantSaysWhereItsConnectorIs(String kind) throws Exception {
        try (Database database = open(kind)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
            ConversationStore store = new ConversationStore(database.dataSource(), clock);
            store.save(new ConversationRef(ConversationRef.Kind.CHANNEL, "tenant-1", "19:a", "https://old.example/",
                    "19:a", Optional.empty(), "28:bot"));
            clock.advance(Duration.ofMinutes(1));
            store.save(new ConversationRef(ConversationRef.Kind.PERSONAL, "tenant-1", "aad-1", "https://new.example/",
                    "a:1", Optional.empty(), "28:bot"));

            assertThat(store.latestIn("tenant-1")).map(ConversationRef::serviceUrl).contains("https://new.example/");
            assertThat(store.latestIn("tenant-2")).isEmpty();
        }
    }
}
