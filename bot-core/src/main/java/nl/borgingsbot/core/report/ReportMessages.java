package nl.borgingsbot.core.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionMessages;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Prompt;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/**
 * The channel report of a round in the region's language: the radar chart, the lowest-scoring
 * elements with the guide's tip, where partners disagree, the change since last round, the
 * response rate; and the collected reflections for the thread.
 */
public final class ReportMessages {

    private final Texts texts;
    private final Locale language;

    public ReportMessages(Texts texts) {
        this.texts = texts;
        this.language = texts.locale();
    }

    public String chartTitle(RoundReport report) {
        return texts.get("report.chartTitle", report.region().name(), report.round().number());
    }

    public String meanLabel() {
        return texts.get("report.meanLabel");
    }

    /** Under the chart's title: the round's closing date and how many partners answered. */
    public String chartSubtitle(RoundReport report) {
        return texts.get("report.chartSubtitle", date(report.round().closedAt().orElse(report.round().deadline()),
                report), report.responded(), report.invited());
    }

    /** What the channel report's radar shows: title, subtitle, partner lines and the mean. */
    public RadarData radarData(RoundReport report) {
        return RadarChart.dataFor(report, chartTitle(report), chartSubtitle(report), meanLabel());
    }

    /** When the round opened and closed (or closes), in the region's time zone. */
    public String dates(RoundReport report) {
        Round round = report.round();
        return texts.get("report.dates", report.round().number(), date(round.openedAt(), report),
                date(round.closedAt().orElse(round.deadline()), report));
    }

    private String date(Instant instant, RoundReport report) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", language).format(instant.atZone(report.region().timeZone()));
    }

    /** The message for the region channel, with the radar chart as PNG and the region's actions. */
    public Message channelReport(RoundReport report, byte[] radarPng, List<Action> actions) {
        return channelReport(report, radarPng, actions, ReportAddition.NONE);
    }

    /** As {@link #channelReport(RoundReport, byte[], List)}, with what another feature adds. */
    public Message channelReport(RoundReport report, byte[] radarPng, List<Action> actions, ReportAddition addition) {
        Message.Builder message = Message.builder()
                .heading(texts.get("report.title", report.region().name(), report.round().number()))
                .paragraph(dates(report))
                .paragraph(texts.get("report.responses", report.responded(), report.invited(),
                        texts.percent(report.responseRate())));
        if (report.absent() > 0) {
            message.paragraph(texts.get("report.absent", report.absent()));
        }
        if (report.responded() == 0) {
            return message.paragraph(texts.get("report.noResponses")).build();
        }
        message.add(new Part.Image(radarPng, altText(report) + addition.altText(),
                "borging-ronde-" + report.round().number() + ".png"));

        message.heading(texts.get("report.lowest.title"));
        message.add(new Part.Bullets(report.lowest().stream()
                .map(s -> texts.get("report.lowest.item", label(s), texts.decimal(s.mean()),
                        s.element().tip().in(language)))
                .toList()));
        message.paragraph(texts.get("report.lowest.question"));

        message.heading(texts.get("report.divergent.title"));
        message.add(report.divergent().isEmpty() ? new Part.Paragraph(texts.get("report.divergent.none"))
                : new Part.Bullets(report.divergent().stream()
                .map(s -> texts.get("report.divergent.item", label(s), s.min(), s.max(), s.spread()))
                .toList()));

        message.heading(texts.get("report.change.title"));
        message.add(report.changes().isEmpty() ? new Part.Paragraph(texts.get("report.change.none"))
                : new Part.Bullets(report.changes().stream().map(this::change).toList()));
        addition.addSections(message);

        if (!actions.isEmpty()) {
            message.heading(texts.get("report.actions.title"));
            ActionMessages actionMessages = new ActionMessages(texts, report.questionnaire());
            for (ElementStats element : report.stats()) {
                actions.stream().filter(a -> a.elementId().equals(element.element().id()))
                        .forEach(a -> actionMessages.add(message, a));
            }
        }

        message.heading(texts.get("report.stats.title"));
        message.add(new Part.Facts(report.stats().stream()
                .map(s -> new Part.Fact(label(s), s.n() == 0 ? texts.get("report.stats.noScores")
                        : texts.get("report.stats.value", texts.decimal(s.mean()) + addition.afterMean(s), s.min(),
                                s.max(), s.n())))
                .toList()));
        message.paragraph(texts.get("report.thread"));
        return message.build();
    }

    /** The reflections, grouped as "Denken we aan / Zien en ervaren we / Vragen we ons af". */
    public Message reflections(RoundReport report) {
        Message.Builder message = Message.builder().heading(texts.get("report.reflections.title"));
        for (Prompt prompt : report.questionnaire().prompts()) {
            message.heading(prompt.reportHeading().in(language));
            List<Reflection> answers = report.reflections().stream()
                    .filter(r -> r.prompt().id().equals(prompt.id())).toList();
            if (answers.isEmpty()) {
                message.paragraph(texts.get("report.reflections.none"));
            }
            answers.forEach(r -> message.add(new Part.UserText(r.attribution(), r.text())));
        }
        return message.build();
    }

    /** For the programme managers when the report could not be posted in the channel. */
    public Message notPosted(Region region, Round round, DeliveryException.Reason reason) {
        String key = switch (reason) {
            case NOT_IN_CHANNEL -> "report.notPosted.notInChannel";
            case CHANNEL_NOT_FOUND -> "report.notPosted.channelGone";
            default -> "report.notPosted.other";
        };
        return Message.builder()
                .paragraph(texts.get("report.notPosted", round.number(), region.name()))
                .paragraph(texts.get(key))
                .build();
    }

    private String altText(RoundReport report) {
        List<String> means = new ArrayList<>();
        for (ElementStats s : report.stats()) {
            if (s.n() > 0) {
                means.add(label(s) + " " + texts.decimal(s.mean()));
            }
        }
        return texts.get("report.altText", report.region().name(), report.round().number(), String.join("; ", means));
    }

    private String change(ElementChange change) {
        double delta = change.delta();
        String arrow = Math.abs(delta) < 0.05 ? "=" : delta > 0 ? "↑" : "↓";
        return texts.get("report.change.item", change.element().label().in(language),
                texts.decimal(change.previousMean()), texts.decimal(change.currentMean()), arrow,
                texts.decimal(Math.abs(delta)));
    }

    private String label(ElementStats stats) {
        return stats.element().label().in(language);
    }
}
