package nl.borgingsbot.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;

/**
 * Regions, their programme managers and partners in tables {@code region}, {@code region_manager}
 * and {@code partner}. A region name is unique ignoring case, as is a channel; creating or
 * renaming onto a taken one fails with an {@link IllegalStateException} saying which.
 */
public final class JdbcRegionRepository implements RegionRepository {

    private static final String REGION_COLUMNS = "r.id, r.name, r.platform, r.workspace, r.channel_id, r.language,"
            + " r.time_zone, r.anonymous, r.questionnaire_id";
    private static final String SELECT_REGION = "SELECT " + REGION_COLUMNS + " FROM region r";
    private static final String SELECT_PARTNER = "SELECT p.id, p.region_id, p.platform, p.workspace, p.user_id,"
            + " p.name, p.organisation FROM partner p";

    private final Jdbc jdbc;
    private final Clock clock;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcRegionRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /**
     * @param dataSource {@link Database#dataSource()}
     * @param clock      stamps {@code created_at}
     */
    public JdbcRegionRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public Region create(NewRegion region) {
        ChatChannel channel = region.channel();
        long id = jdbc.write("create region '" + region.name() + "'", c -> Jdbc.insert(c,
                "INSERT INTO region (name, name_key, platform, workspace, channel_id, language, time_zone,"
                        + " anonymous, questionnaire_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                region.name(), nameKey(region.name()), channel.platform().key(), channel.workspace(),
                channel.channelId(), region.language().toLanguageTag(), region.timeZone().getId(),
                region.anonymous(), region.questionnaireId(), clock.instant()),
                () -> taken(region.name(), channel, -1));
        return new Region(id, region.name(), channel, region.language(), region.timeZone(), region.anonymous(),
                region.questionnaireId());
    }

    @Override
    public void update(Region region) {
        ChatChannel channel = region.channel();
        int changed = jdbc.write("update region " + region.id(), c -> Jdbc.update(c,
                "UPDATE region SET name = ?, name_key = ?, platform = ?, workspace = ?, channel_id = ?, language = ?,"
                        + " time_zone = ?, anonymous = ?, questionnaire_id = ? WHERE id = ?",
                region.name(), nameKey(region.name()), channel.platform().key(), channel.workspace(),
                channel.channelId(), region.language().toLanguageTag(), region.timeZone().getId(),
                region.anonymous(), region.questionnaireId(), region.id()),
                () -> taken(region.name(), channel, region.id()));
        if (changed == 0) {
            throw new IllegalArgumentException("No region with id " + region.id());
        }
    }

    /** Says which of name and channel another region already has. */
    private IllegalStateException taken(String name, ChatChannel channel, long ownId) {
        Optional<Region> sameName = byName(name).filter(other -> other.id() != ownId);
        if (sameName.isPresent()) {
            return new IllegalStateException("There is already a region named '" + sameName.get().name() + "'");
        }
        String owner = byChannel(channel).map(other -> " to region '" + other.name() + "'").orElse("");
        return new IllegalStateException("Channel " + channel.channelId() + " is already linked" + owner);
    }

    @Override
    public Optional<Region> byId(long id) {
        return jdbc.read("read region " + id,
                c -> Jdbc.one(c, SELECT_REGION + " WHERE r.id = ?", JdbcRegionRepository::region, id));
    }

    @Override
    public Optional<Region> byChannel(ChatChannel channel) {
        return jdbc.read("find the region of channel " + channel.channelId(), c -> Jdbc.one(c,
                SELECT_REGION + " WHERE r.platform = ? AND r.workspace = ? AND r.channel_id = ?",
                JdbcRegionRepository::region, channel.platform().key(), channel.workspace(), channel.channelId()));
    }

    @Override
    public Optional<Region> byName(String name) {
        return jdbc.read("find region '" + name + "'", c -> Jdbc.one(c,
                SELECT_REGION + " WHERE r.name_key = ?", JdbcRegionRepository::region, nameKey(name)));
    }

    @Override
    public List<Region> all() {
        return jdbc.read("list regions",
                c -> Jdbc.list(c, SELECT_REGION + " ORDER BY r.id", JdbcRegionRepository::region));
    }

    @Override
    public void addManager(long regionId, ChatUser manager) {
        jdbc.write("add a manager to region " + regionId, c -> Jdbc.update(c,
                "INSERT INTO region_manager (region_id, platform, workspace, user_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (region_id, platform, workspace, user_id) DO NOTHING",
                regionId, manager.platform().key(), manager.workspace(), manager.userId()));
    }

    @Override
    public List<ChatUser> managers(long regionId) {
        return jdbc.read("list the managers of region " + regionId, c -> Jdbc.list(c,
                "SELECT platform, workspace, user_id FROM region_manager WHERE region_id = ? ORDER BY id",
                JdbcRegionRepository::user, regionId));
    }

    @Override
    public List<Region> managedBy(ChatUser user) {
        return jdbc.read("list the regions managed by " + user.userId(), c -> Jdbc.list(c,
                "SELECT " + REGION_COLUMNS + " FROM region r JOIN region_manager m ON m.region_id = r.id"
                        + " WHERE m.platform = ? AND m.workspace = ? AND m.user_id = ? ORDER BY r.id",
                JdbcRegionRepository::region, user.platform().key(), user.workspace(), user.userId()));
    }

    @Override
    public Partner addPartner(long regionId, ChatUser user, String name, String organisation) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisation, "organisation");
        return jdbc.write("add partner " + user.userId() + " to region " + regionId, c -> {
            Jdbc.update(c, "INSERT INTO partner (region_id, platform, workspace, user_id, name, organisation, active,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)"
                            + " ON CONFLICT (region_id, platform, workspace, user_id)"
                            + " DO UPDATE SET name = excluded.name, organisation = excluded.organisation, active = TRUE",
                    regionId, user.platform().key(), user.workspace(), user.userId(), name, organisation,
                    clock.instant());
            return partner(c, regionId, user).orElseThrow();
        });
    }

    private static Optional<Partner> partner(Connection c, long regionId, ChatUser user) throws SQLException {
        return Jdbc.one(c, SELECT_PARTNER + " WHERE p.region_id = ? AND p.platform = ? AND p.workspace = ?"
                        + " AND p.user_id = ?",
                JdbcRegionRepository::partner, regionId, user.platform().key(), user.workspace(), user.userId());
    }

    @Override
    public boolean removePartner(long regionId, ChatUser user) {
        return jdbc.write("remove partner " + user.userId() + " from region " + regionId, c -> Jdbc.update(c,
                "UPDATE partner SET active = FALSE WHERE region_id = ? AND platform = ? AND workspace = ?"
                        + " AND user_id = ? AND active = TRUE",
                regionId, user.platform().key(), user.workspace(), user.userId())) > 0;
    }

    @Override
    public List<Partner> partners(long regionId) {
        return jdbc.read("list the partners of region " + regionId, c -> Jdbc.list(c,
                SELECT_PARTNER + " WHERE p.region_id = ? AND p.active = TRUE ORDER BY p.id",
                JdbcRegionRepository::partner, regionId));
    }

    @Override
    public Optional<Partner> partnerById(long partnerId) {
        return jdbc.read("read partner " + partnerId, c -> Jdbc.one(c,
                SELECT_PARTNER + " WHERE p.id = ?", JdbcRegionRepository::partner, partnerId));
    }

    @Override
    public List<Partner> partnershipsOf(ChatUser user) {
        return jdbc.read("list the partnerships of " + user.userId(), c -> Jdbc.list(c,
                SELECT_PARTNER + " WHERE p.platform = ? AND p.workspace = ? AND p.user_id = ? AND p.active = TRUE"
                        + " ORDER BY p.id",
                JdbcRegionRepository::partner, user.platform().key(), user.workspace(), user.userId()));
    }

    @Override
    public List<Partner> allPartnershipsOf(ChatUser user) {
        return jdbc.read("list all partnerships of " + user.userId(), c -> Jdbc.list(c,
                SELECT_PARTNER + " WHERE p.platform = ? AND p.workspace = ? AND p.user_id = ? ORDER BY p.id",
                JdbcRegionRepository::partner, user.platform().key(), user.workspace(), user.userId()));
    }

    /** How names are compared: stripped and lower-cased the same way on every database. */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Region region(ResultSet row) throws SQLException {
        ChatChannel channel = new ChatChannel(Platform.of(row.getString("platform")), row.getString("workspace"),
                row.getString("channel_id"));
        return new Region(row.getLong("id"), row.getString("name"), channel,
                Locale.forLanguageTag(row.getString("language")), ZoneId.of(row.getString("time_zone")),
                row.getBoolean("anonymous"), row.getString("questionnaire_id"));
    }

    private static ChatUser user(ResultSet row) throws SQLException {
        return new ChatUser(Platform.of(row.getString("platform")), row.getString("workspace"),
                row.getString("user_id"));
    }

    private static Partner partner(ResultSet row) throws SQLException {
        return new Partner(row.getLong("id"), row.getLong("region_id"), user(row), row.getString("name"),
                row.getString("organisation"));
    }
}
