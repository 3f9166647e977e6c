package nl.borgingsbot.core.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.PartnerLine;
import nl.borgingsbot.core.report.RoundReport;

/**
 * The Radargrafiek table as CSV the way Dutch Excel opens it with a double click: UTF-8 with a
 * byte order mark, {@code ;} between fields, a decimal comma. A field that would start like a
 * formula gets a leading apostrophe, so no partner's text becomes one (CSV injection).
 */
public final class CsvExport {

    private static final String BOM = "\uFEFF";

    public byte[] csv(RoundReport report) {
        Texts texts = Texts.of(report.region().language());
        var language = report.region().language();
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(texts.get("export.column.number"),
                texts.get("export.column.element"), texts.get("export.column.statement")));
        report.partnerLines().forEach(line -> header.add(line.label()));
        header.add(texts.get("export.column.mean"));
        lines.add(join(header));
        for (int i = 0; i < report.questionnaire().statements().size(); i++) {
            Statement statement = report.questionnaire().statements().get(i);
            List<String> fields = new ArrayList<>(List.of(String.valueOf(statement.number()),
                    statement.element().label().in(language), statement.text().in(language)));
            for (PartnerLine line : report.partnerLines()) {
                Integer score = line.scoresByElementId().get(statement.element().id());
                fields.add(score == null ? "" : String.valueOf(score));
            }
            ElementStats stats = report.stats().get(i);
            fields.add(stats.n() == 0 ? "" : texts.decimal(stats.mean()));
            lines.add(join(fields));
        }
        return (BOM + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a spreadsheet would read this as a formula. */
    public static boolean looksLikeFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static String join(List<String> fields) {
        return String.join(";", fields.stream().map(CsvExport::field).toList());
    }

    private static String field(String value) {
        String safe = looksLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
