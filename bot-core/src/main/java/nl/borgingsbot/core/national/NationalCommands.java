package nl.borgingsbot.core.national;

import static nl.borgingsbot.core.command.CommandParser.OFF;
import static nl.borgingsbot.core.command.CommandParser.ON;
import static nl.borgingsbot.core.command.CommandParser.lower;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;

/**
 * The national commands: {@code regio landelijk aan|uit} (the region's programme manager) and
 * {@code landelijk} (administrators); the command router checks both roles.
 */
public final class NationalCommands implements CommandRouter.Feature {

    /** "regio landelijk aan|uit": whether the region shares its means with the national comparison. */
    public record SetNationalSharing(boolean sharing) implements Command {
    }

    /** "landelijk": the programme office's national overview (administrators). */
    public record National() implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("landelijk", "national"),
                    line -> line.rest().length == 0 ? new National() : new Misused("usage.national")),
            Entry.of(Set.of("regio", "region"), Set.of("landelijk", "national"), line -> sharing(line.rest())));

    private final ConsentRepository consents;
    private final Administrators admins;
    private final NationalOverview overview;
    private final BiPredicate<ChatUser, Message> sendDirect;
    private final int minimum;
    private final Clock clock;

    /** @param sendDirect sends a DM, true when delivered (the overview goes to the administrator's DM) */
    public NationalCommands(ConsentRepository consents, NationalOverview overview, BiPredicate<ChatUser, Message> sendDirect,
                            Administrators admins, int minimum, Clock clock) {
        this.consents = consents;
        this.admins = admins;
        this.overview = overview;
        this.sendDirect = sendDirect;
        this.minimum = minimum;
        this.clock = clock;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(Route.ofAdministrator(National.class, (national, request) -> overview(request.from()),
                        request -> refusal()),
                Route.of(SetNationalSharing.class, Role.MANAGER,
                        (set, request) -> setSharing(request.region(), set.sharing(), request.texts())));
    }

    private static Command sharing(String[] rest) {
        return rest.length == 2 && ON.contains(lower(rest[1])) ? new SetNationalSharing(true)
                : rest.length == 2 && OFF.contains(lower(rest[1])) ? new SetNationalSharing(false)
                : new Misused("usage.regionNational");
    }

    /** {@code regio landelijk aan|uit}: from now on the region is in, or out of, every comparison. */
    public Message setSharing(Region region, boolean sharing, Texts texts) {
        consents.set(region.id(), sharing, clock.instant());
        return Message.text(sharing ? texts.get("national.on", region.name(), minimum)
                : texts.get("national.off", region.name()));
    }

    /** The line {@code regio} shows. */
    public Part.Fact fact(Region region, Texts texts) {
        return new Part.Fact(texts.get("region.show.national"),
                texts.get(consents.sharing(region.id()) ? "national.show.on" : "national.show.off"));
    }

    /** What anyone but an administrator is told of {@code landelijk}: who may. */
    private Message refusal() {
        Texts texts = Texts.of(Region.DUTCH);
        return Message.text(admins.isEmpty() ? texts.get("national.refusedNoAdmins")
                : texts.get("national.refused", String.join(", ", admins.mentions())));
    }

    /** {@code landelijk}: the overview in the administrator's DM. */
    private Message overview(ChatUser from) {
        Texts texts = Texts.of(Region.DUTCH);
        Message dm = overview.message(overview.compute(), texts);
        return Message.text(texts.get(sendDirect.test(from, dm) ? "national.overview.sent"
                : "national.overview.notDelivered"));
    }
}
