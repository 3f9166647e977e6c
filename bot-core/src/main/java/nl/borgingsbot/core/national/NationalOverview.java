package nl.borgingsbot.core.national;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.RadarData;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.round.Round;

/**
 * The programme office's view of all regions: who keeps the rhythm (every region, by name — that is
 * process, not answers) and the national picture of the programme's questionnaire from the regions
 * that share. A region that does not share appears as "regio 17" (its stable number) and never with
 * its means.
 */
public final class NationalOverview {

    /** A region whose last round closed longer ago than this (or never) is silent. */
    public static final int SILENT_MONTHS = 4;
    /** The trend of the national mean covers this many calendar quarters, the current one last. */
    public static final int TREND_QUARTERS = 8;
    private static final int RADAR_SIZE = 1024;
    public static final String FILE_NAME = "borging-landelijk.xlsx";

    private final NationalFigures figures;
    private final RegionRepository regions;
    private final ConsentRepository consents;
    private final QuestionnaireCatalog catalog;

    public NationalOverview(NationalFigures figures, RegionRepository regions, ConsentRepository consents,
                            QuestionnaireCatalog catalog) {
        this.figures = figures;
        this.regions = regions;
        this.consents = consents;
        this.catalog = catalog;
    }

    /**
     * One region: whether it shares, its last closed round and that round's response rate, and —
     * only when it shares — the round that counts nationally.
     */
    public record RegionRow(Region region, boolean sharing, Optional<Round> lastClosed, Optional<Double> responseRate,
                            Optional<RoundReport> counted) {
    }

    /** A calendar quarter of the trend ("2026 K4") and the national picture of rounds closed in it. */
    public record Quarter(int year, int quarter, NationalFigures.Picture picture) {
    }

    /** Everything the office sees, computed at {@code at}. */
    public record Overview(Instant at, Questionnaire questionnaire, List<RegionRow> regions,
                           NationalFigures.Picture picture, List<Quarter> trend, List<RegionRow> silent) {
    }

    /** The overview now, for the programme's own questionnaire. */
    public Overview compute() {
        Instant at = figures.now();
        Questionnaire questionnaire = catalog.require(Region.DEFAULT_QUESTIONNAIRE);
        Instant windowStart = at.atZone(Region.AMSTERDAM).minusMonths(NationalFigures.WINDOW_MONTHS).toInstant();
        Instant silentBefore = at.atZone(Region.AMSTERDAM).minusMonths(SILENT_MONTHS).toInstant();
        Set<Long> sharing = consents.sharingRegions();
        List<RegionRow> rows = new ArrayList<>();
        for (Region region : regions.all()) {
            boolean shares = sharing.contains(region.id());
            Optional<Round> last = figures.lastClosed(region);
            rows.add(new RegionRow(region, shares, last,
                    last.map(r -> figures.report(region, r).responseRate()),
                    shares ? figures.counted(region, questionnaire, windowStart, at) : Optional.empty()));
        }
        List<RegionRow> silent = rows.stream().filter(r -> r.lastClosed().flatMap(Round::closedAt)
                .filter(closed -> !closed.isBefore(silentBefore)).isEmpty()).toList();
        return new Overview(at, questionnaire, rows, figures.picture(questionnaire, at, Optional.empty()),
                trend(questionnaire, at), silent);
    }

    private List<Quarter> trend(Questionnaire questionnaire, Instant at) {
        LocalDate today = at.atZone(Region.AMSTERDAM).toLocalDate();
        LocalDate current = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        List<Quarter> quarters = new ArrayList<>();
        for (int back = TREND_QUARTERS - 1; back >= 0; back--) {
            LocalDate start = current.minusMonths(3L * back);
            ZonedDateTime from = start.atStartOfDay(Region.AMSTERDAM);
            Instant to = from.plusMonths(3).toInstant();
            NationalFigures.Picture picture = figures.picture(questionnaire, from.toInstant().minusNanos(1),
                    to.isAfter(at) ? at : to.minusNanos(1), Optional.empty());
            quarters.add(new Quarter(start.getYear(), (start.getMonthValue() - 1) / 3 + 1, picture));
        }
        return quarters;
    }

    /** How a region is named outside itself: its name when it shares, otherwise "regio 17". */
    static String label(RegionRow row, Texts texts) {
        return row.sharing() ? row.region().name() : texts.get("national.unnamed", String.valueOf(row.region().id()));
    }

    /** The national radar: the mean as the chart's mean line, the P25–P75 band behind it. */
    public byte[] radarPng(Overview overview, Texts texts) {
        NationalFigures.Picture picture = overview.picture();
        List<String> labels = overview.questionnaire().elements().stream()
                .map(e -> e.label().in(texts.locale())).toList();
        RadarData data = new RadarData(texts.get("national.overview.chartTitle", picture.regions().size()), labels,
                List.of(), new RadarData.Series(texts.get("national.overview.meanLabel"), picture.means()));
        return new RadarChart().renderPng(data, RADAR_SIZE,
                List.of(NationalRadarLayer.bandOnly(texts.get("national.overview.band"), picture.p25(), picture.p75())));
    }

    /** The detail as an Excel file: per region, the national picture, the trend and the silent regions. */
    public byte[] xlsx(Overview overview, Texts texts) {
        return new NationalWorkbook(texts).xlsx(overview, radar(overview, texts));
    }

    private Optional<byte[]> radar(Overview overview, Texts texts) {
        return overview.picture().regions().isEmpty() ? Optional.empty() : Optional.of(radarPng(overview, texts));
    }

    /** The short DM: headline numbers, the national radar, and the detail as an Excel file. */
    public Message message(Overview overview, Texts texts) {
        NationalFigures.Picture picture = overview.picture();
        long sharing = overview.regions().stream().filter(RegionRow::sharing).count();
        Message.Builder message = Message.builder()
                .heading(texts.get("national.overview.title"))
                .paragraph(texts.get("national.overview.headline", overview.regions().size(), sharing,
                        picture.regions().size(), overview.silent().size()));
        Optional<byte[]> radar = radar(overview, texts);
        if (radar.isEmpty()) {
            message.paragraph(texts.get("national.overview.noRadar"));
        } else {
            List<String> means = picture.elements().stream().filter(e -> e.regions() > 0)
                    .map(e -> e.element().label().in(texts.locale()) + " " + texts.decimal(e.mean())).toList();
            message.add(new Part.Image(radar.get(),
                    texts.get("national.overview.altText", picture.regions().size(), String.join("; ", means)),
                    "borging-landelijk.png"));
        }
        return message.paragraph(texts.get("national.overview.file"))
                .add(new Part.File(new NationalWorkbook(texts).xlsx(overview, radar), FILE_NAME,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        texts.get("national.overview.fileDescription")))
                .build();
    }
}
