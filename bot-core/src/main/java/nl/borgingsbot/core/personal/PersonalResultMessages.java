package nl.borgingsbot.core.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.RadarData;
import nl.borgingsbot.core.report.ReportMessages;
import nl.borgingsbot.core.report.RoundReport;

/**
 * The DM "jij en de regio": the partner's own line against the region's mean on a small radar,
 * the two elements where they differ most from the others, and an invitation to the discussion in
 * the channel. Their own line is named (by their organisation) only here, for them.
 */
final class PersonalResultMessages {

    /** The small radar's size in pixels. */
    static final int CHART_SIZE = 600;

    private final Texts texts;
    private final Locale language;
    private final RadarChart radar = new RadarChart();

    PersonalResultMessages(Texts texts) {
        this.texts = texts;
        this.language = texts.locale();
    }

    Message message(PersonalResult result) {
        RoundReport report = result.report();
        String region = report.region().name();
        int round = report.round().number();
        ReportMessages reportMessages = new ReportMessages(texts);
        String you = texts.get("personal.you", result.response().partner().organisation());
        List<String> labels = report.stats().stream().map(s -> s.element().label().in(language)).toList();
        double[] means = report.stats().stream().mapToDouble(ElementStats::mean).toArray();
        RadarData data = new RadarData(texts.get("personal.chartTitle", round), reportMessages.chartSubtitle(report),
                labels, List.of(new RadarData.Series(you, result.own())),
                new RadarData.Series(reportMessages.meanLabel(), means));
        Message.Builder message = Message.builder()
                .heading(texts.get("personal.title", region, round))
                .paragraph(texts.get("personal.intro", round, region))
                .add(new Part.Image(radar.renderPng(data, CHART_SIZE), altText(result, labels, means),
                        "jij-en-de-regio-ronde-" + round + ".png"));
        message.heading(texts.get("personal.differences.title"));
        if (result.differences().isEmpty()) {
            message.paragraph(texts.get(report.responded() < 2 ? "personal.differences.alone"
                    : "personal.differences.none"));
        } else {
            message.add(new Part.Bullets(result.differences().stream()
                    .map(d -> texts.get("personal.differences.item", d.element().label().in(language), d.own(),
                            texts.decimal(d.others())))
                    .toList()));
        }
        message.paragraph(texts.get("personal.invite"));
        if (report.round().anonymous()) {
            message.paragraph(texts.get("personal.anonymous"));
        }
        return message.paragraph(texts.get("personal.switchOff")).build();
    }

    private String altText(PersonalResult result, List<String> labels, double[] means) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!Double.isNaN(result.own()[i]) && !Double.isNaN(means[i])) {
                values.add(texts.get("personal.altText.item", labels.get(i), (int) result.own()[i],
                        texts.decimal(means[i])));
            }
        }
        return texts.get("personal.altText", result.report().region().name(), result.report().round().number(),
                String.join("; ", values));
    }
}
