package nl.borgingsbot.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;

/** Improvement actions in table {@code action}, numbered per region. */
public final class JdbcActionRepository implements ActionRepository {

    private static final String SELECT = "SELECT id, region_id, number, element_id, text, owner_platform,"
            + " owner_workspace, owner_user_id, due, status, note, created_at, updated_at FROM action";

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcActionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Action create(long regionId, String elementId, String text, Optional<ChatUser> owner,
                         Optional<LocalDate> due, Instant at) {
        return jdbc.write("record an action in region " + regionId, c -> {
            int number = Jdbc.one(c, "SELECT COALESCE(MAX(number), 0) FROM action WHERE region_id = ?",
                    row -> row.getInt(1), regionId).orElse(0) + 1;
            long id = Jdbc.insert(c, "INSERT INTO action (region_id, number, element_id, text, owner_platform,"
                            + " owner_workspace, owner_user_id, due, status, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) RETURNING id",
                    regionId, number, elementId, text, owner.map(o -> o.platform().key()).orElse(null),
                    owner.map(ChatUser::workspace).orElse(null), owner.map(ChatUser::userId).orElse(null),
                    due.map(LocalDate::toString).orElse(null), at, at);
            return new Action(id, regionId, number, elementId, text, owner, due, ActionStatus.OPEN, Optional.empty(),
                    at, at);
        });
    }

    @Override
    public Optional<Action> byNumber(long regionId, int number) {
        return jdbc.read("read action " + number + " of region " + regionId, c -> Jdbc.one(c,
                SELECT + " WHERE region_id = ? AND number = ?", JdbcActionRepository::action, regionId, number));
    }

    @Override
    public List<Action> ofRegion(long regionId) {
        return jdbc.read("list the actions of region " + regionId, c -> Jdbc.list(c,
                SELECT + " WHERE region_id = ? ORDER BY number", JdbcActionRepository::action, regionId));
    }

    @Override
    public void update(long actionId, ActionStatus status, Optional<String> note, Instant at) {
        jdbc.write("update action " + actionId, c -> Jdbc.update(c,
                "UPDATE action SET status = ?, note = ?, updated_at = ? WHERE id = ?",
                status.name(), note.orElse(null), at, actionId));
    }

    private static Action action(ResultSet row) throws SQLException {
        Optional<String> user = Jdbc.optionalText(row, "owner_user_id");
        Optional<ChatUser> owner = user.isEmpty() ? Optional.empty() : Optional.of(new ChatUser(
                Platform.of(row.getString("owner_platform")), row.getString("owner_workspace"), user.get()));
        return new Action(row.getLong("id"), row.getLong("region_id"), row.getInt("number"), row.getString("element_id"),
                row.getString("text"), owner, Jdbc.optionalText(row, "due").map(LocalDate::parse),
                ActionStatus.valueOf(row.getString("status")), Jdbc.optionalText(row, "note"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"));
    }
}
