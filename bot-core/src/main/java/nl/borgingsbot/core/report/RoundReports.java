package nl.borgingsbot.core.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.outbox.Envelope;
import nl.borgingsbot.core.outbox.Outbox;
import nl.borgingsbot.core.outbox.OutboxStore;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundLifecycle;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * A round's report: computed from the submitted answers, and published when the round closes —
 * the report in the region channel and the reflections in its thread, after it, through the
 * {@link Outbox}; also the trend of the region's rounds.
 */
public final class RoundReports {

    private static final Logger LOG = LoggerFactory.getLogger(RoundReports.class);
    private static final int CHART_SIZE = 1024;
    /** At most this many rounds in the trend chart. */
    static final int TREND_ROUNDS = 8;

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final CheckInRepository checkIns;
    private final ActionRepository actions;
    private final QuestionnaireCatalog catalog;
    private final RoundLifecycle lifecycle;
    private final Outbox outbox;
    private final Clock clock;
    private final Random random;
    private final Function<RoundReport, ReportAddition> additions;
    private final Telemetry telemetry;
    private final RadarChart radar = new RadarChart();
    private final List<BiConsumer<Region, Round>> whenClosed = new CopyOnWriteArrayList<>();

    /**
     * @param random    draws the labels of an anonymous round (a {@code SecureRandom} but in tests)
     * @param additions what other features add to a round's report (the national comparison)
     */
    public RoundReports(RegionRepository regions, RoundRepository rounds, CheckInRepository checkIns,
                        ActionRepository actions, QuestionnaireCatalog catalog, RoundLifecycle lifecycle, Outbox outbox,
                        Clock clock, Random random, Function<RoundReport, ReportAddition> additions, Telemetry telemetry) {
        this.regions = regions;
        this.rounds = rounds;
        this.checkIns = checkIns;
        this.actions = actions;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.clock = clock;
        this.random = random;
        this.additions = additions;
        this.telemetry = telemetry;
    }

    /** What happened when the report was posted. */
    public record Publication(Optional<PostedMessage> posted, Optional<DeliveryException> failure) {
    }

    /**
     * Closes the round (once: a second closer gets false from the store and does nothing) and
     * posts the report. Empty when the round was already closed by someone else.
     */
    public Optional<Publication> close(Region region, Round round) {
        if (!lifecycle.close(region, round)) {
            return Optional.empty();
        }
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

    /** Runs after each round this closes, once the report is out (e.g. each partner's own result). */
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
        Envelope.About about = new Envelope.About(region.id(), round.id(), 0);
        List<OutboxStore.Outcome> outcomes = outbox.send(List.of(
                new Envelope(Envelope.Kind.REPORT, about, new Envelope.ToChannel(region.channel()),
                        reportMessages.channelReport(report, png, actions.ofRegion(region.id()), addition)),
                new Envelope(Envelope.Kind.THREAD_REPLY, about, new Envelope.InThreadOf(0),
                        reportMessages.reflections(report))));
        Optional<PostedMessage> posted = outcomes.get(0).posted();
        if (outcomes.get(0).state() == OutboxStore.State.DELIVERED && posted.isPresent()) {
            rounds.markReported(round.id());
            telemetry.reportPosted(region.name(), round.number());
            if (outcomes.get(1).state() == OutboxStore.State.FAILED) {
                LOG.warn("reflections of round {} not posted in its thread: {}", round.id(), outcomes.get(1).detail());
            }
            return new Publication(posted, Optional.empty());
        }
        DeliveryException failure = failure(outcomes.get(0));
        LOG.warn("report of round {} not posted: {} {}", round.id(), failure.reason(), failure.getMessage());
        telemetry.deliveryFailed(region.name(), round.number(), "report", failure.reason().name());
        Message help = reportMessages.notPosted(region, round, failure.reason());
        outbox.send(regions.managers(region.id()).stream()
                .map(manager -> Envelope.toUser(Envelope.Kind.NOTICE, about, manager, help)).toList());
        return new Publication(Optional.empty(), Optional.of(failure));
    }

    /** The failure of a row not delivered (still pending after the wait counts as throttled). */
    private static DeliveryException failure(OutboxStore.Outcome outcome) {
        return new DeliveryException(outcome.reason().orElse(DeliveryException.Reason.TEMPORARY), outcome.detail());
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
                .filter(p -> !submitted.contains(p.id()) && lifecycle.awayUntil(p, day).isPresent())
                .map(Partner::id).collect(Collectors.toSet());
        int invited = (int) checkIns.ofRound(round.id()).stream().filter(c -> !away.contains(c.partnerId())).count();
        return ReportCalculator.compute(region, round, questionnaire, invited, away.size(), responses(round), previous);
    }

    /** What other features add to this report (the national comparison); {@link ReportAddition#NONE} for nothing. */
    public ReportAddition additionTo(RoundReport report) {
        return additions.apply(report);
    }

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
        int count = trend.get().rounds().size();
        Message message = Message.builder()
                .heading(trend.get().title())
                .add(new Part.Image(new TrendChart().renderPng(trend.get()),
                        texts.get("trend.altText", region.name(), count), "borging-verloop.png"))
                .paragraph(texts.get("trend.body", count))
                .build();
        OutboxStore.Outcome outcome = outbox.send(List.of(new Envelope(Envelope.Kind.TREND,
                new Envelope.About(region.id(), 0, 0), new Envelope.ToChannel(region.channel()), message))).get(0);
        return Optional.of(outcome.state() == OutboxStore.State.DELIVERED
                ? new Publication(outcome.posted(), Optional.empty())
                : new Publication(Optional.empty(), Optional.of(failure(outcome))));
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
}
