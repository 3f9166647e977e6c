package nl.borgingsbot.teams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The Teams conversation references in the bot's database (table {@code teams_conversation}, the
 * adapter's own migration, {@link TeamsTables}), written through the core's {@code Database} connections so that SQLite writes
 * begin IMMEDIATE. Plain JDBC; the same SQL runs on SQLite and PostgreSQL.
 */
public final class ConversationStore {

    private static final String UPSERT = """
            INSERT INTO teams_conversation
                (kind, tenant_id, key_id, service_url, conversation_id, team_user_id, bot_id, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, tenant_id, key_id) DO UPDATE SET
                service_url = excluded.service_url,
                conversation_id = excluded.conversation_id,
                team_user_id = COALESCE(excluded.team_user_id, teams_conversation.team_user_id),
                bot_id = excluded.bot_id,
                updated_at = excluded.updated_at""";
    private static final String COLUMNS =
            "kind, tenant_id, key_id, service_url, conversation_id, team_user_id, bot_id";

    private final DataSource dataSource;
    private final Clock clock;

    /** Migrates the adapter's tables first ({@link TeamsTables}). */
    public ConversationStore(DataSource dataSource, Clock clock) {
        TeamsTables.migrate(dataSource);
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Stores (or refreshes) a reference. */
    public void save(ConversationRef ref) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setString(1, ref.kind().name().toLowerCase(Locale.ROOT));
                statement.setString(2, ref.tenantId());
                statement.setString(3, ref.key());
                statement.setString(4, ref.serviceUrl());
                statement.setString(5, ref.conversationId());
                statement.setString(6, ref.teamsUserId().orElse(null));
                statement.setString(7, ref.botId());
                statement.setString(8, clock.instant().toString());
                statement.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TeamsStoreException("Could not store a Teams conversation: " + e.getMessage(), e);
        }
    }

    /** The reference of a person's 1:1 chat or of a channel. */
    public Optional<ConversationRef> find(ConversationRef.Kind kind, String tenantId, String key) {
        return query("SELECT " + COLUMNS + " FROM teams_conversation WHERE kind = ? AND tenant_id = ? AND key_id = ?",
                kind.name().toLowerCase(Locale.ROOT), tenantId, key);
    }

    /** The most recently seen reference in a tenant: where its Bot Connector service is. */
    public Optional<ConversationRef> latestIn(String tenantId) {
        return query("SELECT " + COLUMNS + " FROM teams_conversation WHERE tenant_id = ? ORDER BY updated_at DESC",
                tenantId);
    }

    private Optional<ConversationRef> query(String sql, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.setMaxRows(1);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new TeamsStoreException("Could not read a Teams conversation: " + e.getMessage(), e);
        }
    }

    private static ConversationRef map(ResultSet row) throws SQLException {
        return new ConversationRef(ConversationRef.Kind.valueOf(row.getString(1).toUpperCase(Locale.ROOT)),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                Optional.ofNullable(row.getString(6)), row.getString(7));
    }
}
