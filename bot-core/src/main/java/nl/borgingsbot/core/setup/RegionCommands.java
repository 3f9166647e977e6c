package nl.borgingsbot.core.setup;

import static nl.borgingsbot.core.command.CommandParser.OFF;
import static nl.borgingsbot.core.command.CommandParser.ON;
import static nl.borgingsbot.core.command.CommandParser.join;
import static nl.borgingsbot.core.command.CommandParser.lower;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.Membership;
import nl.borgingsbot.core.command.Request;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.command.UserReference;
import nl.borgingsbot.core.i18n.TextInput;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.national.NationalCommands;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.schedule.Planning;

/**
 * The {@code regio} and {@code partner(s)} commands: an administrator links a channel to a new
 * region; its programme managers set its language, anonymity and questionnaire and keep its
 * partners; everyone in the region may list the partners.
 */
public final class RegionCommands implements CommandRouter.Feature {

    public record LinkRegion(String name) implements Command {
    }

    public record ShowRegion() implements Command {
    }

    public record SetLanguage(String language) implements Command {
    }

    public record SetAnonymous(boolean anonymous) implements Command {
    }

    public record SetQuestionnaire(String questionnaireId) implements Command {
    }

    public record AddPartner(UserReference user, String organisation) implements Command {
    }

    public record RemovePartner(UserReference user) implements Command {
    }

    public record ListPartners() implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("regio", "region"), line -> region(line.second(), line.rest())),
            Entry.of(Set.of("partner"), line -> partner(line.second(), line.after(2))),
            Entry.of(Set.of("partners"), line -> new ListPartners()));

    static final int MAX_NAME = 120;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final Invitations invitations;
    private final QuestionnaireCatalog catalog;
    private final Planning planning;
    private final NationalCommands national;
    private final Membership membership;

    public RegionCommands(RegionRepository regions, RoundRepository rounds, Invitations invitations,
                          QuestionnaireCatalog catalog, Planning planning, NationalCommands national,
                          Membership membership) {
        this.regions = regions;
        this.rounds = rounds;
        this.invitations = invitations;
        this.catalog = catalog;
        this.planning = planning;
        this.national = national;
        this.membership = membership;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(
                Route.ofAdministrator(LinkRegion.class, (link, request) -> link(link.name(), request.from(), request.channel()),
                        request -> Message.text(Texts.of(Region.DUTCH).get("region.link.onlyAdmins"))),
                Route.of(ShowRegion.class, Role.MANAGER, (show, request) -> show(request.region(), request.texts())),
                Route.of(SetLanguage.class, Role.MANAGER, (set, request) -> {
                    Region changed = request.region().withLanguage(Locale.forLanguageTag(set.language()));
                    regions.update(changed);
                    return Message.text(Texts.of(changed.language()).get("region.languageSet"));
                }),
                Route.of(SetAnonymous.class, Role.MANAGER, this::setAnonymous),
                Route.of(SetQuestionnaire.class, Role.MANAGER, this::setQuestionnaire),
                Route.of(AddPartner.class, Role.MANAGER,
                        (add, request) -> addPartner(request.region(), request.texts(), request.from(), add)),
                Route.of(RemovePartner.class, Role.MANAGER, (remove, request) -> {
                    Region r = request.region();
                    Texts texts = request.texts();
                    return Message.text(regions.removePartner(r.id(), request.user(remove.user()))
                            ? texts.get("partner.removed", remove.user().display(), r.name())
                            : texts.get("partner.notFound", remove.user().display(), r.name()));
                }),
                Route.of(ListPartners.class, Role.PARTNER, (list, request) -> partners(request.region(), request.texts())));
    }

    private static Command region(String second, String[] rest) {
        return switch (second) {
            case "" -> new ShowRegion();
            case "koppel", "link" -> rest.length > 1 ? new LinkRegion(join(rest, 1))
                    : new Misused("usage.regionLink");
            case "taal", "language" -> rest.length == 2 && Set.of("nl", "en").contains(lower(rest[1]))
                    ? new SetLanguage(lower(rest[1])) : new Misused("usage.regionLanguage");
            case "anoniem", "anonymous" -> rest.length == 2 && ON.contains(lower(rest[1])) ? new SetAnonymous(true)
                    : rest.length == 2 && OFF.contains(lower(rest[1])) ? new SetAnonymous(false)
                    : new Misused("usage.regionAnonymous");
            case "vragenlijst", "questionnaire" -> rest.length == 2 ? new SetQuestionnaire(rest[1])
                    : new Misused("usage.regionQuestionnaire");
            default -> new Misused("usage.region");
        };
    }

    private static Command partner(String second, String arguments) {
        Optional<UserReference.Leading> named = UserReference.parseLeading(arguments);
        return switch (second) {
            case "toevoegen", "add" -> named.filter(n -> !n.rest().isEmpty())
                    .<Command>map(n -> new AddPartner(n.user(), n.rest()))
                    .orElse(new Misused("usage.partnerAdd"));
            case "verwijderen", "remove" -> named.filter(n -> n.rest().isEmpty())
                    .<Command>map(n -> new RemovePartner(n.user()))
                    .orElse(new Misused("usage.partnerRemove"));
            default -> new Misused("usage.partner");
        };
    }

    private Message link(String name, ChatUser from, Optional<ChatChannel> channel) {
        Texts texts = Texts.of(Region.DUTCH);
        if (channel.isEmpty()) {
            return Message.text(texts.get("region.link.inChannel"));
        }
        Optional<Region> existing = regions.byChannel(channel.get());
        if (existing.isPresent()) {
            return Message.text(texts.get("region.link.already", existing.get().name()));
        }
        if (!isPlainName(TextInput.clean(name))) {
            return Message.text(texts.get("usage.regionLink"));
        }
        if (regions.byName(name).isPresent()) {
            return Message.text(texts.get("region.link.nameTaken", name));
        }
        Region region = regions.create(NewRegion.withDefaults(name, channel.get()));
        regions.addManager(region.id(), from);
        planning.ensureDefault(region);
        Message.Builder reply = Message.builder().paragraph(texts.get("region.link.done", region.name()));
        planning.firstRound(region).ifPresent(first -> reply.paragraph(texts.get("region.link.planned",
                texts.dateTime(first, region.timeZone()))));
        return reply.build();
    }

    private Message setAnonymous(SetAnonymous set, Request request) {
        Region r = request.region();
        Texts texts = request.texts();
        regions.update(r.withAnonymous(set.anonymous()));
        Message.Builder reply = Message.builder()
                .paragraph(texts.get(set.anonymous() ? "region.anonymousOn" : "region.anonymousOff"));
        rounds.openRound(r.id()).filter(open -> open.anonymous() != set.anonymous())
                .ifPresent(open -> reply.paragraph(texts.get("region.anonymousNextRound", open.number())));
        return reply.build();
    }

    private Message setQuestionnaire(SetQuestionnaire set, Request request) {
        Texts texts = request.texts();
        if (catalog.byId(set.questionnaireId()).isEmpty()) {
            return Message.text(texts.get("region.unknownQuestionnaire", set.questionnaireId(),
                    String.join(", ", catalog.ids())));
        }
        regions.update(request.region().withQuestionnaire(set.questionnaireId()));
        return Message.text(texts.get("region.questionnaireSet", set.questionnaireId()));
    }

    private Message addPartner(Region region, Texts texts, ChatUser from, AddPartner add) {
        String organisation = TextInput.clean(add.organisation());
        if (!isPlainName(organisation)) {
            return Message.text(texts.get("usage.partnerAdd"));
        }
        ChatUser user = new ChatUser(from.platform(), from.workspace(), add.user().userId());
        Partner partner = regions.addPartner(region.id(), user, add.user().displayName().orElse(add.user().userId()),
                organisation);
        Optional<Round> open = rounds.openRound(region.id());
        Invitations.Invitation invitation = open.map(round -> invitations.invite(region, round, partner))
                .orElse(Invitations.Invitation.HAD_ONE);
        if (invitation == Invitations.Invitation.UNREACHABLE) {
            return Message.text(texts.get("partner.addedUnreachable", add.user().display(), organisation));
        }
        return Message.text(texts.get(invitation == Invitations.Invitation.SENT ? "partner.addedInvited" : "partner.added",
                add.user().display(), organisation, region.name()));
    }

    private Message partners(Region region, Texts texts) {
        List<Partner> partners = Partner.alphabetical(regions.partners(region.id()));
        if (partners.isEmpty()) {
            return Message.text(texts.get("partner.none", region.name()));
        }
        return Message.builder()
                .heading(texts.get("partner.list", region.name(), partners.size()))
                .add(new Part.Bullets(partners.stream().map(p -> p.organisation() + " (" + p.name() + ")").toList()))
                .build();
    }

    private Message show(Region region, Texts texts) {
        return Message.builder()
                .heading(texts.get("region.show.title", region.name()))
                .add(new Part.Facts(List.of(
                        new Part.Fact(texts.get("region.show.language"), region.language().getLanguage()),
                        new Part.Fact(texts.get("region.show.zone"), region.timeZone().getId()),
                        new Part.Fact(texts.get("region.show.anonymous"),
                                texts.get(region.anonymous() ? "word.yes" : "word.no")),
                        new Part.Fact(texts.get("region.show.questionnaire"), region.questionnaireId()),
                        national.fact(region, texts),
                        new Part.Fact(texts.get("region.show.managers"), membership.managerNames(region)))))
                .build();
    }

    /**
     * A region or organisation name is shown in lists and reports as the bot's own text: so at
     * most {@value #MAX_NAME} characters, no control characters and no mention or link brackets.
     */
    private static boolean isPlainName(String name) {
        return TextInput.problem(name).isEmpty() && name.length() <= MAX_NAME && name.indexOf('<') < 0
                && name.indexOf('>') < 0;
    }
}
