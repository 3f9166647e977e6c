package nl.borgingsbot.core.national;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.RadarBackdrop;
import nl.borgingsbot.core.report.ReportAddition;
import nl.borgingsbot.core.report.RoundReport;

/**
 * What a region's report gets from the national picture. Only a region that shares its own means
 * gets any; it gets the comparison when at least {@code minimum} other sharing regions have a round
 * that counts in the {@value NationalFigures#WINDOW_MONTHS} months before its round closed, and
 * otherwise one line saying why not.
 */
public final class NationalComparison implements Function<RoundReport, ReportAddition> {

    /** Other sharing regions needed before a region sees the national picture (BORGING_NATIONAL_MINIMUM). */
    public static final int DEFAULT_MINIMUM = 5;
    /** From this difference with the national mean an element is named in the report. */
    static final double NOTABLE = 0.5;
    private static final double EPSILON = 1e-9;
    private static final Logger LOG = LoggerFactory.getLogger(NationalComparison.class);

    private final NationalFigures figures;
    private final int minimum;

    public NationalComparison(NationalFigures figures, int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("BORGING_NATIONAL_MINIMUM must be at least 1, not " + minimum);
        }
        this.figures = figures;
        this.minimum = minimum;
    }

    /** The comparison for this report; nothing (and a warning in the log) when it cannot be computed. */
    @Override
    public ReportAddition apply(RoundReport report) {
        try {
            return compare(report);
        } catch (RuntimeException e) {
            // the report itself matters more than the comparison: it goes out without it
            LOG.warn("no national comparison for round {} of region {}: {}", report.round().number(),
                    report.region().id(), e.getMessage());
            return ReportAddition.NONE;
        }
    }

    private ReportAddition compare(RoundReport report) {
        if (!figures.sharing(report.region().id())) {
            return ReportAddition.NONE;
        }
        Texts texts = Texts.of(report.region().language());
        NationalFigures.Picture picture = figures.picture(report.questionnaire(),
                report.round().closedAt().orElse(figures.now()), Optional.of(report.region().id()));
        int others = picture.regions().size();
        if (others < minimum) {
            return new ReportAddition() {
                @Override
                public void addSections(Message.Builder message) {
                    message.paragraph(texts.get("national.notYet", others, minimum));
                }
            };
        }
        return new Compared(report, picture, texts);
    }

    /** The comparison of a region's report with the national picture. */
    private static final class Compared implements ReportAddition {

        private final RoundReport report;
        private final NationalFigures.Picture picture;
        private final Texts texts;
        private final Locale language;

        Compared(RoundReport report, NationalFigures.Picture picture, Texts texts) {
            this.report = report;
            this.picture = picture;
            this.texts = texts;
            this.language = texts.locale();
        }

        private Optional<ElementSpread> national(ElementStats stats) {
            return picture.elements().stream()
                    .filter(e -> e.element().id().equals(stats.element().id()) && e.regions() > 0).findFirst();
        }

        @Override
        public String afterMean(ElementStats stats) {
            return national(stats).map(n -> " " + texts.get("national.afterMean", texts.decimal(n.mean()))).orElse("");
        }

        @Override
        public String altText() {
            List<String> means = picture.elements().stream().filter(e -> e.regions() > 0)
                    .map(e -> e.element().label().in(language) + " " + texts.decimal(e.mean())).toList();
            return " " + texts.get("national.altText", picture.regions().size(), String.join("; ", means));
        }

        @Override
        public List<RadarBackdrop> backdrops() {
            return List.of(NationalRadarLayer.withLine(legend(), picture.means(), picture.p25(), picture.p75()));
        }

        @Override
        public void addSections(Message.Builder message) {
            message.heading(texts.get("national.title"));
            message.paragraph(texts.get("national.intro", picture.regions().size()));
            List<String> notable = new ArrayList<>();
            for (ElementStats stats : report.stats()) {
                Optional<ElementSpread> national = national(stats).filter(n -> stats.n() > 0);
                if (national.isEmpty()) {
                    continue;
                }
                double difference = stats.mean() - national.get().mean();
                if (Math.abs(difference) >= NOTABLE - EPSILON) {
                    notable.add(texts.get(difference > 0 ? "national.above" : "national.below",
                            stats.element().label().in(language), texts.decimal(stats.mean()),
                            texts.decimal(Math.abs(difference)), texts.decimal(national.get().mean())));
                }
            }
            message.add(notable.isEmpty() ? new Part.Paragraph(texts.get("national.none")) : new Part.Bullets(notable));
            message.paragraph(texts.get("national.question"));
        }

        @Override
        public List<Column> exportColumns() {
            return List.of(new Column(legend(), picture.means(), Optional.of(NationalRadarLayer.LINE)),
                    new Column(texts.get("national.export.p25"), picture.p25(), Optional.empty()),
                    new Column(texts.get("national.export.p75"), picture.p75(), Optional.empty()));
        }

        private String legend() {
            return texts.get("national.legend", picture.regions().size());
        }
    }
}
