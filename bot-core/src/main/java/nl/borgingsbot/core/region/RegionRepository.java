package nl.borgingsbot.core.region;

import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;

/** Regions, their programme managers and partners. Implemented in {@code store}. */
public interface RegionRepository {

    Region create(NewRegion region);

    /** Replaces name, channel, language, zone, anonymity and questionnaire of an existing region. */
    void update(Region region);

    Optional<Region> byId(long id);

    Optional<Region> byChannel(ChatChannel channel);

    /** Case-insensitive. */
    Optional<Region> byName(String name);

    List<Region> all();

    void addManager(long regionId, ChatUser manager);

    List<ChatUser> managers(long regionId);

    /** Regions this person is programme manager of. */
    List<Region> managedBy(ChatUser user);

    /**
     * Adds a partner, or updates name and organisation and re-activates one that was removed.
     * The same chat user is at most one partner per region.
     */
    Partner addPartner(long regionId, ChatUser user, String name, String organisation);

    /** Deactivates the partner (their earlier answers stay); false when there was none. */
    boolean removePartner(long regionId, ChatUser user);

    /** The active partners of a region, in the order they were added. */
    List<Partner> partners(long regionId);

    /** Any partner by id, also a removed one (old answers keep their organisation). */
    Optional<Partner> partnerById(long partnerId);

    /** The active partnerships of one person, across regions. */
    List<Partner> partnershipsOf(ChatUser user);

    /** Every partnership of one person, also those they were removed from (for "mijn gegevens"). */
    List<Partner> allPartnershipsOf(ChatUser user);
}
