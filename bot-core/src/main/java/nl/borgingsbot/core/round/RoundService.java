package nl.borgingsbot.core.round;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.CheckInMessages;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.ReportCalculator;
import nl.borgingsbot.core.report.ReportAddition;
import nl.borgingsbot.core.report.ReportMessages;
import nl.borgingsbot.core.report.Response;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.report.TrendChart;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * Opens, reminds, closes and reports rounds: the round's side effects on the chat platform
 * (DMs to partners, the report in the region channel) go through the {@link Gateways}.
 */
public final class RoundService {

    private static final Logger LOG = LoggerFactory.getLogger(RoundService.class);
    private static final int CHART_SIZE = 1024;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final CheckInRepository checkIns;
    private final ReminderLog reminders;
    private final ActionRepository actions;
    private final AbsenceRepository absences;
    private final QuestionnaireCatalog catalog;
    private final Gateways gateways;
    private final Clock clock;
    private final Random random;
    private final DeliveryFailures failures;
    private final Telemetry telemetry;
    private final RadarChart radar = new RadarChart();
    private final Function<RoundReport, ReportAddition> additions;
    private final List<BiConsumer<Region, Round>> whenClosed = new CopyOnWriteArrayList<>();

    public RoundService(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways, Clock clock) {
        this(repositories, catalog, gateways, clock, new SecureRandom(), report -> ReportAddition.NONE, Telemetry.NONE);
    }

    /**
     * @param random    draws the labels of an anonymous round (a {@link SecureRandom} but in tests)
     * @param additions what other features add to a round's report (the national comparison)
     * @param telemetry hears of rounds and deliveries (metrics, the operator's log)
     */
    public RoundService(Repositories repositories, QuestionnaireCatalog catalog, Gateways gateways, Clock clock,
                        Random random, Function<RoundReport, ReportAddition> additions, Telemetry telemetry) {
        this.additions = additions;
        this.regions = repositories.regions();
        this.rounds = repositories.rounds();
        this.checkIns = repositories.checkIns();
        this.reminders = repositories.reminders();
        this.actions = repositories.actions();
        this.absences = repositories.absences();
        this.catalog = catalog;
        this.gateways = gateways;
        this.clock = clock;
        this.random = random;
        this.failures = new DeliveryFailures(regions, repositories.deliveryFailures(), gateways, clock);
        this.telemetry = telemetry;
    }

    /**
     * What happened when a round was opened or reminders went out: how many got a DM, who could
     * not be reached, how many had had a reminder that day already, and how many are away.
     */
    public record Fanout(Round round, int sent, List<Partner> unreachable, int remindedAlready, int away) {

        /** "Organisation (name), …" of those who could not be reached, alphabetical. */
        public String unreachableNames() {
            return alphabetical(unreachable).stream().map(p -> p.organisation() + " (" + p.name() + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    /** Opens the region's next round by hand and sends every partner the intro in a DM. */
    public Fanout open(Region region, Instant deadline) {
        return invite(region, rounds.open(region.id(), region.questionnaireId(), clock.instant(), deadline));
    }

    /**
     * Opens the round of a scheduled {@code period} and invites the partners; empty when that
     * period has its round already (another instance, or an earlier try) or a round is open.
     */
    public Optional<Fanout> openScheduled(Region region, Instant period, Instant deadline) {
        return rounds.openScheduled(region.id(), region.questionnaireId(), period, clock.instant(), deadline)
                .map(round -> invite(region, round));
    }

    private Fanout invite(Region region, Round round) {
        List<Partner> unreachable = new ArrayList<>();
        int sent = 0;
        int away = 0;
        for (Partner partner : regions.partners(region.id())) {
            if (awayUntil(region, partner, today(region)).isPresent()) {
                away++;
                continue;
            }
            switch (invite(region, round, partner)) {
                case SENT -> sent++;
                case UNREACHABLE -> unreachable.add(partner);
                case HAD_ONE -> { }
            }
        }
        telemetry.roundOpened(region.name(), round.number(), sent);
        return new Fanout(round, sent, unreachable, 0, away);
    }

    /**
     * Invites the partners of the open round who are back from an absence (or were never invited)
     * and have no check-in yet; returns how many got the intro.
     */
    public int inviteReturned(Region region, Round round) {
        int sent = 0;
        for (Partner partner : regions.partners(region.id())) {
            if (awayUntil(region, partner, today(region)).isEmpty() && checkIns.find(round.id(), partner.id()).isEmpty()
                    && invite(region, round, partner) == Invitation.SENT) {
                sent++;
            }
        }
        return sent;
    }

    /** The last day the partner is away, when they are away on {@code day}. */
    public Optional<LocalDate> awayUntil(Region region, Partner partner, LocalDate day) {
        return absences.awayOn(partner.id(), day);
    }

    private LocalDate today(Region region) {
        return clock.instant().atZone(region.timeZone()).toLocalDate();
    }

    /** How inviting one partner went. */
    public enum Invitation { SENT, HAD_ONE, UNREACHABLE }

    /**
     * Creates the partner's check-in in the round and sends the intro — only when this call created
     * it, so an invitation goes out once even when two instances (or the opener and the scheduler)
     * try at the same moment.
     */
    public Invitation invite(Region region, Round round, Partner partner) {
        Optional<CheckIn> created = checkIns.createIfAbsent(round.id(), partner.id());
        if (created.isEmpty()) {
            return Invitation.HAD_ONE;
        }
        return deliver(region, round, partner, messages(region, round).intro(created.get())) ? Invitation.SENT
                : Invitation.UNREACHABLE;
    }

    /** The slot of a reminder the programme manager asked for (one a day). */
    public static final String MANUAL = "manual";

    /**
     * Reminds every active partner of the open round who has not submitted, once per
     * {@code slot} ({@link #MANUAL}, or a scheduled reminder's days before the deadline) and never
     * twice on one day: each reminder is claimed in the {@link ReminderLog} before it is sent.
     */
    public Fanout remind(Region region, Round round, String slot) {
        List<Partner> unreachable = new ArrayList<>();
        int sent = 0;
        int already = 0;
        Instant now = clock.instant();
        LocalDate today = now.atZone(region.timeZone()).toLocalDate();
        String claimed = MANUAL.equals(slot) ? MANUAL + ":" + today : slot;
        CheckInMessages messages = messages(region, round);
        int away = 0;
        Map<Long, Partner> active = regions.partners(region.id()).stream()
                .collect(Collectors.toMap(Partner::id, p -> p));
        for (CheckIn checkIn : checkIns.ofRound(round.id())) {
            Optional<Partner> partner = Optional.ofNullable(active.get(checkIn.partnerId()));
            if (checkIn.submitted() || partner.isEmpty()) {
                continue;
            }
            if (awayUntil(region, partner.get(), today).isPresent()) {
                away++;
            } else if (!reminders.claim(round.id(), checkIn.partnerId(), claimed, today, now)) {
                already++;
            } else if (deliver(region, round, partner.get(), messages.reminder(checkIn))) {
                sent++;
            } else {
                reminders.release(round.id(), checkIn.partnerId(), claimed);
                unreachable.add(partner.get());
            }
        }
        telemetry.reminded(region.name(), round.number(), sent);
        return new Fanout(round, sent, unreachable, already, away);
    }

    /** Whether every active partner of the round who is not away has submitted (for closing early). */
    public boolean everyoneSubmitted(Region region, Round round) {
        List<Partner> present = regions.partners(region.id()).stream()
                .filter(p -> awayUntil(region, p, today(region)).isEmpty()).toList();
        return !present.isEmpty() && present.stream().allMatch(p -> checkIns.find(round.id(), p.id())
                .map(CheckIn::submitted).orElse(false));
    }

    /** One partner's progress in a round, never their answers; {@code awayUntil} when they are away. */
    public record Progress(Partner partner, boolean submitted, int answered, int total, Optional<LocalDate> awayUntil) {
    }

    public List<Progress> progress(Region region, Round round) {
        Questionnaire questionnaire = catalog.require(round.questionnaireId());
        int total = questionnaire.prompts().size() + questionnaire.statements().size();
        List<Progress> lines = new ArrayList<>();
        for (Partner partner : alphabetical(regions.partners(region.id()))) {
            Optional<CheckIn> checkIn = checkIns.find(round.id(), partner.id());
            int answered = checkIn.map(c -> c.answers().reflections().size() + c.answers().scores().size()).orElse(0);
            boolean submitted = checkIn.map(CheckIn::submitted).orElse(false);
            lines.add(new Progress(partner, submitted, answered, total,
                    submitted ? Optional.empty() : awayUntil(region, partner, today(region))));
        }
        return lines;
    }

    /** What happened when the report was posted. */
    public record Publication(Optional<PostedMessage> posted, Optional<DeliveryException> failure) {
    }

    /**
     * Closes the round (once: a second closer gets false from the store and does nothing) and
     * posts the report. Empty when the round was already closed by someone else.
     */
    public Optional<Publication> close(Region region, Round round) {
        if (!rounds.close(round.id(), clock.instant())) {
            return Optional.empty();
        }
        telemetry.roundClosed(region.name(), round.number());
        Round closed = rounds.byId(round.id()).orElseThrow();
        Publication publication = publish(region, closed);
        for (BiConsumer<Region, Round> listener : whenClosed) {
            try {
                listener.accept(region, closed);
            } catch (RuntimeException e) {
                LOG.warn("after closing round {}: {}", round.id(), e.toString());
            }
        }
        return Optional.of(publication);
    }

    /** Runs after each round this service closes, once the report is out (e.g. each partner's own result). */
    public void whenClosed(BiConsumer<Region, Round> listener) {
        whenClosed.add(listener);
    }

    /**
     * Posts the report of a closed round to the region channel, the reflections in its thread.
     * When the channel cannot be reached the programme managers are told in a DM what to do;
     * the round stays closed-but-unreported so the report can be posted again.
     */
    public Publication publish(Region region, Round round) {
        RoundReport report = report(region, round);
        ReportMessages reportMessages = new ReportMessages(Texts.of(region.language()));
        ReportAddition addition = additionTo(report);
        byte[] png = radar.renderPng(reportMessages.radarData(report), CHART_SIZE, addition.backdrops());
        ChatGateway gateway;
        try {
            gateway = gateways.of(region.channel().platform());
            PostedMessage posted = gateway.postToChannel(region.channel(),
                    reportMessages.channelReport(report, png, actions.ofRegion(region.id()), addition));
            rounds.markReported(round.id());
            telemetry.reportPosted(region.name(), round.number());
            try {
                gateway.replyInThread(posted, reportMessages.reflections(report));
            } catch (DeliveryException e) {
                LOG.warn("reflections of round {} not posted in its thread: {}", round.id(), e.getMessage());
            }
            return new Publication(Optional.of(posted), Optional.empty());
        } catch (DeliveryException e) {
            LOG.warn("report of round {} not posted: {} {}", round.id(), e.reason(), e.getMessage());
            telemetry.deliveryFailed(region.name(), round.number(), "report", e.reason().name());
            Message help = reportMessages.notPosted(region, round, e.reason());
            regions.managers(region.id()).forEach(manager -> deliver(region, round, manager, help));
            return new Publication(Optional.empty(), Optional.of(e));
        }
    }

    /** The statistics of a round, with the change since the region's previous closed round. */
    public RoundReport report(Region region, Round round) {
        Questionnaire questionnaire = catalog.require(round.questionnaireId());
        List<Response> previous = rounds.previousClosed(region.id(), round.number())
                .map(this::responses).orElse(List.of());
        LocalDate day = round.closedAt().orElse(clock.instant()).atZone(region.timeZone()).toLocalDate();
        Set<Long> submitted = responses(round).stream().map(r -> r.partner().id())
                .collect(Collectors.toSet());
        Set<Long> away = regions.partners(region.id()).stream()
                .filter(p -> !submitted.contains(p.id()) && awayUntil(region, p, day).isPresent())
                .map(Partner::id).collect(Collectors.toSet());
        int invited = (int) checkIns.ofRound(round.id()).stream().filter(c -> !away.contains(c.partnerId())).count();
        return ReportCalculator.compute(region, round, questionnaire, invited, away.size(), responses(round), previous);
    }

    /** What other features add to this report (the national comparison); {@link ReportAddition#NONE} for nothing. */
    public ReportAddition additionTo(RoundReport report) {
        return additions.apply(report);
    }

    /** At most this many rounds in the trend chart. */
    static final int TREND_ROUNDS = 8;

    /**
     * Posts the trend of the region's last closed rounds (up to {@value #TREND_ROUNDS}, with the
     * region's current questionnaire) to its channel; empty when there is no closed round yet.
     */
    public Optional<Publication> postTrend(Region region) {
        Optional<TrendChart.Data> trend = trend(region);
        if (trend.isEmpty()) {
            return Optional.empty();
        }
        Texts texts = Texts.of(region.language());
        int rounds = trend.get().rounds().size();
        Message message = Message.builder()
                .heading(trend.get().title())
                .add(new Part.Image(new TrendChart().renderPng(trend.get()),
                        texts.get("trend.altText", region.name(), rounds), "borging-verloop.png"))
                .paragraph(texts.get("trend.body", rounds))
                .build();
        try {
            return Optional.of(new Publication(
                    Optional.of(gateways.of(region.channel().platform()).postToChannel(region.channel(), message)),
                    Optional.empty()));
        } catch (DeliveryException e) {
            return Optional.of(new Publication(Optional.empty(), Optional.of(e)));
        }
    }

    /**
     * The element means of the region's last closed rounds (up to {@value #TREND_ROUNDS}) that used
     * its current questionnaire; empty when there is none.
     */
    public Optional<TrendChart.Data> trend(Region region) {
        Questionnaire questionnaire = catalog.require(region.questionnaireId());
        List<Round> closed = rounds.ofRegion(region.id()).stream()
                .filter(r -> !r.isOpen() && r.questionnaireId().equals(questionnaire.id())).toList();
        closed = closed.subList(Math.max(0, closed.size() - TREND_ROUNDS), closed.size());
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Texts texts = Texts.of(region.language());
        List<String> labels = closed.stream().map(r -> texts.get("trend.round", r.number())).toList();
        double[][] means = new double[questionnaire.statements().size()][closed.size()];
        for (int round = 0; round < closed.size(); round++) {
            List<ElementStats> stats = ReportCalculator.stats(questionnaire, responses(closed.get(round)));
            for (int element = 0; element < stats.size(); element++) {
                means[element][round] = stats.get(element).mean();
            }
        }
        List<String> elements = questionnaire.elements().stream().map(e -> e.label().in(region.language())).toList();
        return Optional.of(new TrendChart.Data(texts.get("trend.title", region.name()), labels, elements, means,
                texts.get("trend.axisLabel"), region.language()));
    }

    /**
     * The submitted answers of a round: in an anonymous round in the order of its labels (the first
     * is Partner A), a random order drawn once and stored with the round; otherwise in the order
     * partners were added.
     */
    public List<Response> responses(Round round) {
        List<Response> responses = checkIns.ofRound(round.id()).stream()
                .filter(CheckIn::submitted)
                .flatMap(c -> regions.partnerById(c.partnerId()).map(p -> new Response(p, c.answers())).stream())
                .sorted(Comparator.comparingLong(r -> r.partner().id()))
                .toList();
        if (!round.anonymous() || responses.isEmpty()) {
            return responses;
        }
        List<Long> drawn = new ArrayList<>(responses.stream().map(r -> r.partner().id()).toList());
        Collections.shuffle(drawn, random);
        Map<Long, Integer> positions = rounds.labelPositions(round.id(), drawn);
        return responses.stream()
                .sorted(Comparator.comparingInt(r -> positions.getOrDefault(r.partner().id(), Integer.MAX_VALUE)))
                .toList();
    }

    /**
     * Partners by organisation and name, so that a list of people says nothing about the order they
     * joined in — nor, in an anonymous region, about who is Partner A.
     */
    public static List<Partner> alphabetical(List<Partner> partners) {
        return partners.stream().sorted(Comparator.comparing(Partner::organisation, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Partner::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Tells the region's programme managers something in a DM; in the region channel when the
     * region has no manager or none could be reached.
     */
    public void tellManagers(Region region, Message message) {
        boolean told = false;
        for (ChatUser manager : regions.managers(region.id())) {
            told |= deliver(manager, message);
        }
        if (!told) {
            try {
                gateways.of(region.channel().platform()).postToChannel(region.channel(), message);
            } catch (DeliveryException e) {
                LOG.warn("could not tell the managers of region {}: {}", region.id(), e.reason());
            }
        }
    }

    private CheckInMessages messages(Region region, Round round) {
        return new CheckInMessages(region, round, catalog.require(round.questionnaireId()), List.of());
    }

    /** Sends a DM; false (and logged) when it could not be delivered. */
    public boolean sendDirect(ChatUser user, Message message) {
        return deliver(user, message);
    }

    private boolean deliver(ChatUser user, Message message) {
        return tryDeliver("", 0, user, message).isEmpty();
    }

    private boolean deliver(Region region, Round round, ChatUser user, Message message) {
        return tryDeliver(region.name(), round.number(), user, message).isEmpty();
    }

    /** Sends a partner a DM of a round; when it fails, the programme managers hear why (once). */
    private boolean deliver(Region region, Round round, Partner partner, Message message) {
        Optional<DeliveryException> failure = tryDeliver(region.name(), round.number(), partner.user(), message);
        failure.ifPresent(e -> failures.report(region, round, partner, e));
        return failure.isEmpty();
    }

    private Optional<DeliveryException> tryDeliver(String region, int round, ChatUser user, Message message) {
        try {
            gateways.of(user.platform()).sendDirect(user, message);
            return Optional.empty();
        } catch (DeliveryException e) {
            LOG.warn("DM to {}:{} failed: {}", user.platform().key(), user.userId(), e.reason());
            telemetry.deliveryFailed(region, round, "dm", e.reason().name());
            return Optional.of(e);
        }
    }
}
