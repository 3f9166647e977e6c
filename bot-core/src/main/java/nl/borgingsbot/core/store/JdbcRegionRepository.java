package nl.borgingsbot.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;

/** Regions, programme managers and partners in SQL. */
public final class JdbcRegionRepository implements RegionRepository {

    private static final String REGION = "SELECT id, name, platform, workspace, channel_id, language, time_zone, "
            + "anonymous, questionnaire_id FROM region ";
    private static final String PARTNER = "SELECT id, region_id, platform, workspace, user_id, name, organisation "
            + "FROM partner ";

    private final Jdbc jdbc;

    public JdbcRegionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Region create(NewRegion r) {
        long id = jdbc.single(c -> Jdbc.insert(c, "INSERT INTO region (name, name_key, platform, workspace, channel_id, "
                        + "language, time_zone, anonymous, questionnaire_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
                r.name(), key(r.name()), r.channel().platform().key(), r.channel().workspace(), r.channel().channelId(),
                r.language().toLanguageTag(), r.timeZone().getId(), r.anonymous(), r.questionnaireId(),
                System.currentTimeMillis()));
        return new Region(id, r.name(), r.channel(), r.language(), r.timeZone(), r.anonymous(), r.questionnaireId());
    }

    @Override
    public void update(Region r) {
        jdbc.update("UPDATE region SET name = ?, name_key = ?, platform = ?, workspace = ?, channel_id = ?, language = ?, "
                        + "time_zone = ?, anonymous = ?, questionnaire_id = ? WHERE id = ?",
                r.name(), key(r.name()), r.channel().platform().key(), r.channel().workspace(), r.channel().channelId(),
                r.language().toLanguageTag(), r.timeZone().getId(), r.anonymous(), r.questionnaireId(), r.id());
    }

    @Override
    public Optional<Region> byId(long id) {
        return jdbc.one(REGION + "WHERE id = ?", JdbcRegionRepository::region, id);
    }

    @Override
    public Optional<Region> byChannel(ChatChannel channel) {
        return jdbc.one(REGION + "WHERE platform = ? AND workspace = ? AND channel_id = ?", JdbcRegionRepository::region,
                channel.platform().key(), channel.workspace(), channel.channelId());
    }

    @Override
    public Optional<Region> byName(String name) {
        return jdbc.one(REGION + "WHERE name_key = ?", JdbcRegionRepository::region, key(name));
    }

    @Override
    public List<Region> all() {
        return jdbc.query(REGION + "ORDER BY id", JdbcRegionRepository::region);
    }

    @Override
    public void addManager(long regionId, ChatUser manager) {
        jdbc.update("INSERT INTO region_manager (region_id, platform, workspace, user_id) VALUES (?,?,?,?) "
                        + "ON CONFLICT DO NOTHING",
                regionId, manager.platform().key(), manager.workspace(), manager.userId());
    }

    @Override
    public List<ChatUser> managers(long regionId) {
        return jdbc.query("SELECT platform, workspace, user_id FROM region_manager WHERE region_id = ? "
                        + "ORDER BY user_id", row -> user(row), regionId);
    }

    @Override
    public List<Region> managedBy(ChatUser user) {
        return jdbc.query(REGION + "WHERE id IN (SELECT region_id FROM region_manager WHERE platform = ? "
                        + "AND workspace = ? AND user_id = ?) ORDER BY id", JdbcRegionRepository::region,
                user.platform().key(), user.workspace(), user.userId());
    }

    @Override
    public Partner addPartner(long regionId, ChatUser user, String name, String organisation) {
        long id = jdbc.single(c -> Jdbc.insert(c, "INSERT INTO partner (region_id, platform, workspace, user_id, name, "
                        + "organisation, active, created_at) VALUES (?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT (region_id, platform, workspace, user_id) DO UPDATE SET name = excluded.name, "
                        + "organisation = excluded.organisation, active = excluded.active RETURNING id",
                regionId, user.platform().key(), user.workspace(), user.userId(), name, organisation, true,
                System.currentTimeMillis()));
        return new Partner(id, regionId, user, name, organisation);
    }

    @Override
    public boolean removePartner(long regionId, ChatUser user) {
        return jdbc.update("UPDATE partner SET active = ? WHERE region_id = ? AND platform = ? AND workspace = ? "
                        + "AND user_id = ? AND active = ?",
                false, regionId, user.platform().key(), user.workspace(), user.userId(), true) > 0;
    }

    @Override
    public List<Partner> partners(long regionId) {
        return jdbc.query(PARTNER + "WHERE region_id = ? AND active = ? ORDER BY id", JdbcRegionRepository::partner,
                regionId, true);
    }

    @Override
    public Optional<Partner> partnerById(long partnerId) {
        return jdbc.one(PARTNER + "WHERE id = ?", JdbcRegionRepository::partner, partnerId);
    }

    @Override
    public List<Partner> partnershipsOf(ChatUser user) {
        return jdbc.query(PARTNER + "WHERE platform = ? AND workspace = ? AND user_id = ? AND active = ? ORDER BY id",
                JdbcRegionRepository::partner, user.platform().key(), user.workspace(), user.userId(), true);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Region region(ResultSet row) throws SQLException {
        ChatChannel channel = new ChatChannel(Platform.fromKey(row.getString("platform")), row.getString("workspace"),
                row.getString("channel_id"));
        return new Region(row.getLong("id"), row.getString("name"), channel,
                Locale.forLanguageTag(row.getString("language")), ZoneId.of(row.getString("time_zone")),
                row.getBoolean("anonymous"), row.getString("questionnaire_id"));
    }

    private static Partner partner(ResultSet row) throws SQLException {
        return new Partner(row.getLong("id"), row.getLong("region_id"), user(row), row.getString("name"),
                row.getString("organisation"));
    }

    private static ChatUser user(ResultSet row) throws SQLException {
        return new ChatUser(Platform.fromKey(row.getString("platform")), row.getString("workspace"),
                row.getString("user_id"));
    }
}
