package nl.borgingsbot.core.national;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.questionnaire.Element;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.ReportCalculator;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.report.RoundReports;

/**
 * The national numbers, computed afresh each time from the regions that share <em>now</em> (so a
 * region that stops sharing is in no later computation). A region's round counts when it closed in
 * the window, used the questionnaire, and had at least {@link ReportCalculator#ANONYMOUS_MINIMUM}
 * responses (the report's own minimum: below it a mean is too close to one partner's answers).
 * Each region counts once, with its latest round that counts: one vote per region.
 */
public final class NationalFigures {

    /** Rounds that closed this many months before the moment count. */
    public static final int WINDOW_MONTHS = 6;
    /** A round counts from this many responses. */
    public static final int RESPONSE_MINIMUM = ReportCalculator.ANONYMOUS_MINIMUM;

    private final RegionRepository regions;
    private final RoundRepository roundRepository;
    private final ConsentRepository consents;
    private final RoundReports rounds;
    private final Clock clock;

    public NationalFigures(RegionRepository regions, RoundRepository roundRepository, ConsentRepository consents,
                           RoundReports rounds, Clock clock) {
        this.regions = regions;
        this.roundRepository = roundRepository;
        this.consents = consents;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** One region's round in the national numbers. */
    public record Shared(Region region, RoundReport report) {
    }

    /** The regions and their rounds behind the national numbers, and the spread per element. */
    public record Picture(Questionnaire questionnaire, List<Shared> regions, List<ElementSpread> elements) {

        public Picture {
            regions = List.copyOf(regions);
            elements = List.copyOf(elements);
        }

        public double[] means() {
            return elements.stream().mapToDouble(ElementSpread::mean).toArray();
        }

        public double[] p25() {
            return elements.stream().mapToDouble(ElementSpread::p25).toArray();
        }

        public double[] p75() {
            return elements.stream().mapToDouble(ElementSpread::p75).toArray();
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether the region shares its means now. */
    public boolean sharing(long regionId) {
        return consents.sharing(regionId);
    }

    /**
     * The national picture at {@code at}: every sharing region but {@code except}, with its latest
     * round of {@code questionnaire} that counts and closed in ({@code at} − {@value #WINDOW_MONTHS}
     * months, {@code at}].
     */
    public Picture picture(Questionnaire questionnaire, Instant at, Optional<Long> except) {
        Instant from = at.atZone(Region.AMSTERDAM).minusMonths(WINDOW_MONTHS).toInstant();
        return picture(questionnaire, from, at, except);
    }

    /** As {@link #picture(Questionnaire, Instant, Optional)}, for rounds closed in ({@code from}, {@code to}]. */
    public Picture picture(Questionnaire questionnaire, Instant from, Instant to, Optional<Long> except) {
        Set<Long> sharing = consents.sharingRegions();
        List<Shared> shared = new ArrayList<>();
        for (Region region : regions.all()) {
            if (sharing.contains(region.id()) && except.filter(id -> id == region.id()).isEmpty()) {
                counted(region, questionnaire, from, to).ifPresent(report -> shared.add(new Shared(region, report)));
            }
        }
        return new Picture(questionnaire, shared, spread(questionnaire, shared));
    }

    /** The region's latest round that counts, closed in ({@code from}, {@code to}]. */
    public Optional<RoundReport> counted(Region region, Questionnaire questionnaire, Instant from, Instant to) {
        List<Round> closed = roundRepository.ofRegion(region.id()).stream()
                .filter(r -> r.questionnaireId().equals(questionnaire.id()))
                .filter(r -> r.closedAt().filter(t -> t.isAfter(from) && !t.isAfter(to)).isPresent())
                .toList();
        for (int i = closed.size() - 1; i >= 0; i--) {
            RoundReport report = rounds.report(region, closed.get(i));
            if (report.responded() >= RESPONSE_MINIMUM) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    /** The region's last closed round, if it ever closed one. */
    public Optional<Round> lastClosed(Region region) {
        return roundRepository.ofRegion(region.id()).stream().filter(r -> r.closedAt().isPresent())
                .reduce((earlier, later) -> later);
    }

    public RoundReport report(Region region, Round round) {
        return rounds.report(region, round);
    }

    private static List<ElementSpread> spread(Questionnaire questionnaire, List<Shared> shared) {
        List<ElementSpread> spread = new ArrayList<>();
        for (Element element : questionnaire.elements()) {
            double[] means = shared.stream()
                    .flatMap(s -> s.report().stats().stream())
                    .filter(s -> s.element().id().equals(element.id()) && s.n() > 0)
                    .mapToDouble(ElementStats::mean).toArray();
            spread.add(ElementSpread.of(element, means));
        }
        return spread;
    }
}
