package nl.borgingsbot.core.command;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;

/** Who belongs where: the region a command is about, and a person's role in it. */
public final class Membership {

    private final RegionRepository regions;

    public Membership(RegionRepository regions) {
        this.regions = regions;
    }

    /**
     * The region a command is about: the channel's; in a DM the one region this person manages,
     * or else the one region they are a partner of.
     */
    public Optional<Region> regionFor(ChatUser from, Optional<ChatChannel> channel) {
        if (channel.isPresent()) {
            return regions.byChannel(channel.get());
        }
        List<Region> managed = regions.managedBy(from);
        if (managed.size() == 1) {
            return Optional.of(managed.get(0));
        }
        List<Partner> partnerships = regions.partnershipsOf(from);
        return managed.isEmpty() && partnerships.size() == 1 ? regions.byId(partnerships.get(0).regionId())
                : Optional.empty();
    }

    public boolean isManager(Region region, ChatUser user) {
        return regions.managers(region.id()).contains(user);
    }

    public Optional<Partner> partner(Region region, ChatUser user) {
        return regions.partners(region.id()).stream().filter(p -> p.user().equals(user)).findFirst();
    }

    public boolean isPartner(Region region, ChatUser user) {
        return partner(region, user).isPresent();
    }

    /** The programme managers as people write them in chat. */
    public String managerNames(Region region) {
        return regions.managers(region.id()).stream().map(m -> "@" + m.userId()).collect(Collectors.joining(", "));
    }
}
