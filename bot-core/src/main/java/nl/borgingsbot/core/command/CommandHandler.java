package nl.borgingsbot.core.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.outbox.Outbox;
import nl.borgingsbot.core.report.RoundReports;
import nl.borgingsbot.core.actions.ActionCommands;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.checkin.TextInput;
import nl.borgingsbot.core.export.CsvExport;
import nl.borgingsbot.core.export.ExcelExport;
import nl.borgingsbot.core.export.Exports;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.national.NationalCommands;
import nl.borgingsbot.core.personal.PersonalResults;
import nl.borgingsbot.core.privacy.PrivacyCommands;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.schedule.Planning;
import nl.borgingsbot.core.schedule.Schedule;

/**
 * Carries out commands for the person who typed them and says what happened. Region commands
 * are for that region's programme managers; everyone else gets a polite refusal naming who can.
 */
public final class CommandHandler {

    /** The longest a round may stay open. */
    static final Duration MAX_ROUND = Duration.ofDays(92);
    static final int MAX_NAME = 120;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final Invitations invitations;
    private final RoundReports reports;
    private final Outbox outbox;
    private final QuestionnaireCatalog catalog;
    private final Administrators admins;
    private final Planning planning;
    private final ActionCommands actions;
    private final AbsenceCommands absences;
    private final Membership membership;
    private final PrivacyCommands privacy;
    private final Exports exports;
    private final NationalCommands national;
    private final PersonalResults personalResults;
    private final Clock clock;

    public CommandHandler(Repositories repositories, Invitations invitations, RoundReports reports, Outbox outbox,
                          QuestionnaireCatalog catalog, Administrators admins, NationalCommands national, Clock clock) {
        this.regions = repositories.regions();
        this.rounds = repositories.rounds();
        this.invitations = invitations;
        this.reports = reports;
        this.outbox = outbox;
        this.catalog = catalog;
        this.admins = admins;
        this.planning = new Planning(repositories.schedules(), clock);
        this.actions = new ActionCommands(repositories.actions(), repositories.regions(), clock);
        this.membership = new Membership(repositories.regions());
        this.absences = new AbsenceCommands(repositories, invitations, membership, clock);
        this.privacy = new PrivacyCommands(repositories, catalog, outbox::sendDirect);
        this.exports = new Exports(repositories, reports);
        this.national = national;
        this.personalResults = new PersonalResults(repositories, reports, outbox);
        this.clock = clock;
    }

    public Message handle(Command command, ChatUser from, Optional<ChatChannel> channel) {
        if (command instanceof Command.Help) {
            return help(from, channel);
        }
        if (command instanceof Command.Misused misused) {
            Texts texts = textsFor(from, channel);
            return Message.text(texts.get(misused.usageKey()));
        }
        if (command instanceof Command.LinkRegion link) {
            return link(link.name(), from, channel);
        }
        if (command instanceof Command.Away || command instanceof Command.Back) {
            return absences.handle(command, from, channel);
        }
        if (command instanceof Command.National) {
            return national.overview(from);
        }
        if (command instanceof Command.MyData) {
            return privacy.myData(from);
        }
        if (command instanceof Command.MyResult mine) {
            Optional<Region> region = regionFor(from, channel);
            return personalResults.handle(mine.on(), region, region.flatMap(r -> membership.partner(r, from)), from);
        }
        if (command instanceof Command.Forget forget) {
            return privacy.forget(from, forget.user().map(u -> new ChatUser(from.platform(), from.workspace(), u.userId())),
                    forget.confirmed(), regionFor(from, channel));
        }
        Optional<Region> region = regionFor(from, channel);
        if (region.isEmpty()) {
            return Message.text(Texts.of(Region.DUTCH).get(channel.isPresent() ? "region.notLinked" : "region.whichOne"));
        }
        Region r = region.get();
        Texts texts = Texts.of(r.language());
        if (isForEveryoneInTheRegion(command)) {
            if (!isManager(r, from) && !isPartner(r, from)) {
                return Message.text(texts.get("refused.notInRegion", r.name()));
            }
            if (command instanceof Command.ListPartners) {
                return partners(r, texts);
            }
            return command instanceof Command.Trend ? trend(r, texts)
                    : actions.handle(command, r, catalog.require(r.questionnaireId()), from);
        }
        if (!isManager(r, from)) {
            return refuse(r, texts);
        }
        if (command instanceof Command.ShowRegion) {
            return show(r, texts);
        }
        if (command instanceof Command.SetLanguage set) {
            Region changed = r.withLanguage(Locale.forLanguageTag(set.language()));
            regions.update(changed);
            return Message.text(Texts.of(changed.language()).get("region.languageSet"));
        }
        if (command instanceof Command.SetAnonymous set) {
            regions.update(r.withAnonymous(set.anonymous()));
            Message.Builder reply = Message.builder()
                    .paragraph(texts.get(set.anonymous() ? "region.anonymousOn" : "region.anonymousOff"));
            rounds.openRound(r.id()).filter(open -> open.anonymous() != set.anonymous())
                    .ifPresent(open -> reply.paragraph(texts.get("region.anonymousNextRound", open.number())));
            return reply.build();
        }
        if (command instanceof Command.SetNationalSharing set) {
            return national.setSharing(r, set.sharing(), texts);
        }
        if (command instanceof Command.SetQuestionnaire set) {
            if (catalog.byId(set.questionnaireId()).isEmpty()) {
                return Message.text(texts.get("region.unknownQuestionnaire", set.questionnaireId(),
                        String.join(", ", catalog.ids())));
            }
            regions.update(r.withQuestionnaire(set.questionnaireId()));
            return Message.text(texts.get("region.questionnaireSet", set.questionnaireId()));
        }
        if (command instanceof Command.AddPartner add) {
            return addPartner(r, texts, from, add);
        }
        if (command instanceof Command.RemovePartner remove) {
            ChatUser user = new ChatUser(from.platform(), from.workspace(), remove.user().userId());
            return Message.text(regions.removePartner(r.id(), user)
                    ? texts.get("partner.removed", remove.user().display(), r.name())
                    : texts.get("partner.notFound", remove.user().display(), r.name()));
        }
        if (command instanceof Command.Export export) {
            return export(r, texts, from, export);
        }
        if (isPlanning(command)) {
            return planning.handle(command, r, texts);
        }
        if (command instanceof Command.StartRound start) {
            return startRound(r, texts, start.deadline());
        }
        Optional<Round> open = rounds.openRound(r.id());
        if (command instanceof Command.PostReport) {
            return postReport(r, texts);
        }
        if (open.isEmpty()) {
            return Message.text(texts.get("round.noneOpen", r.name()));
        }
        if (command instanceof Command.RoundStatus) {
            return status(r, texts, open.get());
        }
        if (command instanceof Command.CloseRound) {
            return close(r, texts, open.get());
        }
        if (command instanceof Command.Remind) {
            Invitations.Fanout fanout = invitations.remind(r, open.get(), Invitations.MANUAL);
            Message.Builder reply = Message.builder();
            if (fanout.sent() > 0 || fanout.remindedAlready() == 0) {
                reply.paragraph(texts.get("round.reminded", fanout.sent()));
            }
            if (fanout.remindedAlready() > 0) {
                reply.paragraph(texts.get("round.remindedAlready", fanout.remindedAlready()));
            }
            return withUnreachable(reply, texts, fanout);
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    private Message link(String name, ChatUser from, Optional<ChatChannel> channel) {
        Texts texts = Texts.of(Region.DUTCH);
        if (!admins.contains(from)) {
            return Message.text(texts.get("region.link.onlyAdmins"));
        }
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

    private Message addPartner(Region region, Texts texts, ChatUser from, Command.AddPartner add) {
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

    private Message startRound(Region region, Texts texts, Optional<String> deadlineText) {
        if (rounds.openRound(region.id()).isPresent()) {
            return Message.text(texts.get("round.alreadyOpen", region.name()));
        }
        if (regions.partners(region.id()).isEmpty()) {
            return Message.text(texts.get("round.noPartners"));
        }
        ZonedDateTime now = clock.instant().atZone(region.timeZone());
        Optional<ZonedDateTime> deadline = deadlineText.isEmpty()
                ? Optional.of(DeadlineParser.daysFrom(now, Schedule.DEFAULT_WINDOW_DAYS))
                : DeadlineParser.parse(deadlineText.get(), region.timeZone());
        if (deadline.isEmpty()) {
            return Message.text(texts.get("round.badDeadline", deadlineText.orElse("")));
        }
        Instant until = deadline.get().toInstant();
        if (!until.isAfter(clock.instant())) {
            return Message.text(texts.get("round.deadlinePast"));
        }
        if (Duration.between(clock.instant(), until).compareTo(MAX_ROUND) > 0) {
            return Message.text(texts.get("round.deadlineTooFar", MAX_ROUND.toDays()));
        }
        Invitations.Fanout fanout;
        try {
            fanout = invitations.open(region, until);
        } catch (IllegalStateException alreadyOpen) {
            return Message.text(texts.get("round.alreadyOpen", region.name()));
        }
        Message.Builder reply = Message.builder().paragraph(texts.get("round.opened", fanout.round().number(),
                region.name(), fanout.sent(), texts.dateTime(until, region.timeZone())));
        if (fanout.away() > 0) {
            reply.paragraph(texts.get("round.awayAtOpen", fanout.away()));
        }
        return withUnreachable(reply, texts, fanout);
    }

    private Message status(Region region, Texts texts, Round round) {
        List<Invitations.Progress> progress = invitations.progress(region, round);
        long submitted = progress.stream().filter(Invitations.Progress::submitted).count();
        long away = progress.stream().filter(p -> p.awayUntil().isPresent()).count();
        Message.Builder reply = Message.builder()
                .heading(texts.get("round.status.title", round.number(), region.name()))
                .paragraph(texts.get("round.status.summary", submitted, progress.size() - away,
                        texts.dateTime(round.deadline(), region.timeZone())));
        if (away > 0) {
            reply.paragraph(texts.get("round.status.summaryAway", away));
        }
        return reply.add(new Part.Bullets(progress.stream().map(p -> statusLine(p, texts)).toList())).build();
    }

    private static String statusLine(Invitations.Progress p, Texts texts) {
        String organisation = p.partner().organisation();
        String name = p.partner().name();
        if (p.awayUntil().isPresent()) {
            return texts.get("round.status.away", organisation, name,
                    DateTimeFormatter.ofPattern("d MMMM", texts.locale()).format(p.awayUntil().get()));
        }
        return texts.get(p.submitted() ? "round.status.submitted" : p.answered() == 0 ? "round.status.notStarted"
                : "round.status.busy", organisation, name, p.answered(), p.total());
    }

    private Message close(Region region, Texts texts, Round round) {
        Optional<RoundReports.Publication> publication = reports.close(region, round);
        if (publication.isEmpty()) {
            return Message.text(texts.get("round.noneOpen", region.name()));
        }
        return Message.text(texts.get(publication.get().posted().isPresent() ? "round.closed" : "round.closedNotPosted",
                round.number(), region.name()));
    }

    private Message postReport(Region region, Texts texts) {
        Optional<Round> last = rounds.ofRegion(region.id()).stream()
                .filter(r -> !r.isOpen()).reduce((first, second) -> second);
        if (last.isEmpty()) {
            return Message.text(texts.get("round.noReport", region.name()));
        }
        RoundReports.Publication publication = reports.publish(region, last.get());
        return Message.text(texts.get(publication.posted().isPresent() ? "round.reportPosted" : "round.closedNotPosted",
                last.get().number(), region.name()));
    }

    /** The export goes to the programme manager's DM as a file (a command's own reply may not hold one). */
    private Message export(Region region, Texts texts, ChatUser from, Command.Export export) {
        Optional<ExcelExport.Input> input = exports.of(region, export.round());
        if (input.isEmpty()) {
            return Message.text(export.round().map(n -> texts.get("export.noSuchRound", n, region.name()))
                    .orElse(texts.get("round.noReport", region.name())));
        }
        int number = input.get().report().round().number();
        String name = "borging-" + region.name().replaceAll("[^\\p{L}\\p{N}]+", "-") + "-ronde-" + number;
        Part.File file = export.csv()
                ? new Part.File(new CsvExport().csv(input.get().report()), name + ".csv", "text/csv",
                        texts.get("export.fileDescription.csv"))
                : new Part.File(new ExcelExport().xlsx(input.get()), name + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        texts.get("export.fileDescription.xlsx"));
        Message dm = Message.builder().paragraph(texts.get("export.dm", number, region.name())).add(file).build();
        return Message.text(texts.get(outbox.sendDirect(from, dm) ? "export.sent" : "export.notDelivered",
                number, region.name()));
    }

    private Message trend(Region region, Texts texts) {
        Optional<RoundReports.Publication> posted = reports.postTrend(region);
        if (posted.isEmpty()) {
            return Message.text(texts.get("round.noReport", region.name()));
        }
        return Message.text(texts.get(posted.get().posted().isPresent() ? "trend.posted" : "trend.notPosted",
                region.name()));
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
                        new Part.Fact(texts.get("region.show.managers"), managerNames(region)))))
                .build();
    }

    private Message help(ChatUser from, Optional<ChatChannel> channel) {
        Texts texts = textsFor(from, channel);
        Message.Builder message = Message.builder().heading(texts.get("help.title"))
                .paragraph(texts.get("help.partner"))
                .paragraph(texts.get("help.personalResult"));
        Optional<Region> region = regionFor(from, channel);
        if (region.isPresent() && isManager(region.get(), from)) {
            message.paragraph(texts.get("help.manager")).paragraph(texts.get("national.help.manager"));
        }
        if (admins.contains(from)) {
            message.paragraph(texts.get("help.admin")).paragraph(texts.get("national.help.admin"));
        }
        return message.build();
    }

    /**
     * A region or organisation name is shown in lists and reports as the bot's own text: so at
     * most {@value #MAX_NAME} characters, no control characters and no mention or link brackets.
     */
    private static boolean isPlainName(String name) {
        return TextInput.problem(name).isEmpty() && name.length() <= MAX_NAME && name.indexOf('<') < 0
                && name.indexOf('>') < 0;
    }

    /** What partners may do as well as programme managers. */
    private static boolean isForEveryoneInTheRegion(Command command) {
        return command instanceof Command.ListPartners || command instanceof Command.Trend
                || command instanceof Command.ListActions || command instanceof Command.RecordAction
                || command instanceof Command.UpdateAction;
    }

    private static boolean isPlanning(Command command) {
        return command instanceof Command.ShowSchedule || command instanceof Command.SetQuarterly
                || command instanceof Command.SetCron || command instanceof Command.SetWindow
                || command instanceof Command.SetReminders || command instanceof Command.SetCloseEarly
                || command instanceof Command.ScheduleOff || command instanceof Command.SetWorkingHours;
    }

    private Message refuse(Region region, Texts texts) {
        return Message.text(texts.get("refused.notManager", region.name(), managerNames(region)));
    }

    /** Adds who could not be reached, and what to do about it, when anyone could not. */
    private static Message withUnreachable(Message.Builder reply, Texts texts, Invitations.Fanout fanout) {
        if (!fanout.unreachable().isEmpty()) {
            reply.paragraph(texts.get("round.unreachable", fanout.unreachableNames()));
        }
        return reply.build();
    }

    private Texts textsFor(ChatUser from, Optional<ChatChannel> channel) {
        return Texts.of(regionFor(from, channel).map(Region::language).orElse(Region.DUTCH));
    }

    private boolean isManager(Region region, ChatUser user) {
        return membership.isManager(region, user);
    }

    private boolean isPartner(Region region, ChatUser user) {
        return membership.isPartner(region, user);
    }

    private String managerNames(Region region) {
        return membership.managerNames(region);
    }

    private Optional<Region> regionFor(ChatUser from, Optional<ChatChannel> channel) {
        return membership.regionFor(from, channel);
    }
}
