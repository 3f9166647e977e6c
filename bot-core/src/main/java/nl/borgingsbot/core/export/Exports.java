package nl.borgingsbot.core.export;

import java.util.Optional;

import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.report.RoundReports;

/** Gathers what an export of a closed round holds: its report, answers, the actions and the trend. */
public final class Exports {

    private final RoundRepository roundRepository;
    private final ActionRepository actions;
    private final RoundReports rounds;

    public Exports(RoundRepository roundRepository, ActionRepository actions, RoundReports rounds) {
        this.roundRepository = roundRepository;
        this.actions = actions;
        this.rounds = rounds;
    }

    /**
     * The export of round {@code number} of the region, or of its last closed round; empty when
     * that round does not exist or is still open.
     */
    public Optional<ExcelExport.Input> of(Region region, Optional<Integer> number) {
        Optional<Round> round = roundRepository.ofRegion(region.id()).stream()
                .filter(r -> !r.isOpen())
                .filter(r -> number.isEmpty() || r.number() == number.get())
                .reduce((earlier, later) -> later);
        return round.map(r -> rounds.report(region, r)).map(report -> new ExcelExport.Input(report,
                rounds.responses(report.round()), actions.ofRegion(region.id()), rounds.trend(region),
                rounds.additionTo(report)));
    }
}
