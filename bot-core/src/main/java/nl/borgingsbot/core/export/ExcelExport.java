package nl.borgingsbot.core.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.RadarStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFRadarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionMessages;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.report.PartnerLine;
import nl.borgingsbot.core.report.RadarChart;
import nl.borgingsbot.core.report.Reflection;
import nl.borgingsbot.core.report.ReportAddition;
import nl.borgingsbot.core.report.Response;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.report.TrendChart;

/**
 * A round as the Excel file the regions already work with (seed 001's "Format-Radargrafiek"):
 * the table of scores with a native Excel radar chart on a fixed 1–5 axis, the reflections, the
 * toelichtingen, the trend and the actions. Anonymity is respected as in the channel report.
 * Text people typed is always written as a text cell, never as a formula.
 */
public final class ExcelExport {

    /**
     * Where the table on the Radargrafiek sheet starts (0-based): the question, the round (region,
     * number, opening and closing date), a blank row, the header.
     */
    static final int HEADER_ROW = 3;
    /** The row with the region, the round and its dates. */
    static final int ROUND_ROW = 1;
    static final int FIRST_SCORE_COLUMN = 3;

    /** What goes into the file. */
    public record Input(RoundReport report, List<Response> responses, List<Action> actions,
                        Optional<TrendChart.Data> trend, ReportAddition addition) {

        public Input(RoundReport report, List<Response> responses, List<Action> actions,
                     Optional<TrendChart.Data> trend) {
            this(report, responses, actions, trend, ReportAddition.NONE);
        }
    }

    public byte[] xlsx(Input input) {
        Texts texts = Texts.of(input.report().region().language());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyles styles = new CellStyles(workbook);
            radar(workbook.createSheet(texts.get("export.sheet.radar")), input.report(), input.addition().exportColumns(),
                    texts, styles);
            reflections(workbook.createSheet(texts.get("export.sheet.reflections")), input.report(), texts, styles);
            notes(workbook.createSheet(texts.get("export.sheet.notes")), input, texts, styles);
            trend(workbook.createSheet(texts.get("export.sheet.trend")), input.trend(), texts, styles);
            actions(workbook.createSheet(texts.get("export.sheet.actions")), input, texts, styles);
            workbook.forEach(sheet -> printOnA4Landscape((XSSFSheet) sheet));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Excel file", e);
        }
    }

    private static void radar(XSSFSheet sheet, RoundReport report, List<ReportAddition.Column> extra, Texts texts,
                              CellStyles styles) {
        Questionnaire questionnaire = report.questionnaire();
        var language = report.region().language();
        text(sheet.createRow(0), 0, questionnaire.question().in(language), styles.title);
        roundFacts(sheet.createRow(ROUND_ROW), report, texts, styles);
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints() + 2);
        text(header, 0, texts.get("export.column.number"), styles.header);
        text(header, 1, texts.get("export.column.element"), styles.header);
        text(header, 2, texts.get("export.column.statement"), styles.header);
        List<PartnerLine> lines = report.partnerLines();
        for (int p = 0; p < lines.size(); p++) {
            text(header, FIRST_SCORE_COLUMN + p, lines.get(p).label(), styles.header);
        }
        int meanColumn = FIRST_SCORE_COLUMN + lines.size();
        text(header, meanColumn, texts.get("export.column.mean"), styles.header);
        for (int e = 0; e < extra.size(); e++) {
            text(header, meanColumn + 1 + e, extra.get(e).header(), styles.header);
        }
        List<Statement> statements = questionnaire.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            Row row = sheet.createRow(HEADER_ROW + 1 + i);
            row.setHeightInPoints(2 * sheet.getDefaultRowHeightInPoints() + 2); // the statement wraps onto two lines
            row.createCell(0).setCellValue(statement.number());
            text(row, 1, statement.element().label().in(language), null);
            text(row, 2, statement.text().in(language), styles.wrap);
            for (int p = 0; p < lines.size(); p++) {
                Integer score = lines.get(p).scoresByElementId().get(statement.element().id());
                if (score != null) {
                    row.createCell(FIRST_SCORE_COLUMN + p).setCellValue(score);
                }
            }
            ElementStats stats = report.stats().get(i);
            if (stats.n() > 0) {
                Cell mean = row.createCell(meanColumn);
                if (!lines.isEmpty()) {
                    // a score corrected in Excel moves the mean, and the chart with it
                    mean.setCellFormula("AVERAGE(" + new CellRangeAddress(row.getRowNum(), row.getRowNum(),
                            FIRST_SCORE_COLUMN, meanColumn - 1).formatAsString() + ")");
                }
                mean.setCellValue(stats.mean()); // on a formula cell: the cached result, shown before recalculation
                mean.setCellStyle(styles.decimal);
            }
            for (int e = 0; e < extra.size(); e++) {
                double value = i < extra.get(e).values().length ? extra.get(e).values()[i] : Double.NaN;
                if (!Double.isNaN(value)) {
                    Cell cell = row.createCell(meanColumn + 1 + e);
                    cell.setCellValue(value);
                    cell.setCellStyle(styles.decimal);
                }
            }
        }
        int lastRow = HEADER_ROW + statements.size();
        var scale = questionnaire.scale();
        text(sheet.createRow(lastRow + 2), 0, texts.get("export.legend", scale.min(), scale.label(scale.min(), language),
                scale.max(), scale.label(scale.max(), language)), null);
        sheet.setColumnWidth(1, 32 * 256);
        sheet.setColumnWidth(2, 60 * 256);
        for (int c = FIRST_SCORE_COLUMN; c <= meanColumn + extra.size(); c++) {
            sheet.setColumnWidth(c, 20 * 256);
        }
        radarChart(sheet, texts.get("export.title", report.region().name(), report.round().number()),
                lastRow, meanColumn, extra);
        sheet.createFreezePane(FIRST_SCORE_COLUMN - 1, HEADER_ROW + 1);
    }

    /** Region, round, opening and closing date, each label in a bold cell beside its value. */
    private static void roundFacts(Row row, RoundReport report, Texts texts, CellStyles styles) {
        var zone = report.region().timeZone();
        var round = report.round();
        text(row, 0, texts.get("export.round.region"), styles.header);
        text(row, 1, report.region().name(), null);
        text(row, 2, texts.get("export.round.number"), styles.header);
        row.createCell(3).setCellValue(round.number());
        text(row, 4, texts.get("export.round.opened"), styles.header);
        Cell opened = row.createCell(5);
        opened.setCellValue(round.openedAt().atZone(zone).toLocalDate());
        opened.setCellStyle(styles.date);
        text(row, 6, texts.get("export.round.closed"), styles.header);
        Cell closed = row.createCell(7);
        closed.setCellValue(round.closedAt().orElse(round.deadline()).atZone(zone).toLocalDate());
        closed.setCellStyle(styles.date);
    }

    /** Prints on A4 in landscape, one page wide and as many pages tall as it needs. */
    private static void printOnA4Landscape(XSSFSheet sheet) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * A native Excel radar chart of the table: one series per partner column and the mean, axis 1..5,
     * and one per added column that has a chart line.
     */
    private static void radarChart(XSSFSheet sheet, String title, int lastRow, int meanColumn,
                                   List<ReportAddition.Column> extra) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, lastRow + 4, 7, lastRow + 40);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setMinimum(1);
        values.setMaximum(5);
        values.setMajorUnit(1);
        values.getOrAddMajorGridProperties().setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(
                XDDFColor.from(new byte[] {(byte) 0xB4, (byte) 0xBE, (byte) 0xCB}))));
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(HEADER_ROW + 1, lastRow, 1, 1));
        XDDFRadarChartData data = (XDDFRadarChartData) chart.createData(ChartTypes.RADAR, categories, values);
        data.setStyle(RadarStyle.MARKER);
        data.setVaryColors(false);
        for (int column = FIRST_SCORE_COLUMN; column <= meanColumn + extra.size(); column++) {
            Optional<Color> added = column > meanColumn ? extra.get(column - meanColumn - 1).chartLine() : Optional.empty();
            if (column > meanColumn && added.isEmpty()) {
                continue;
            }
            XDDFNumericalDataSource<Double> scores = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(HEADER_ROW + 1, lastRow, column, column));
            XDDFRadarChartData.Series series = (XDDFRadarChartData.Series) data.addSeries(labels, scores);
            series.setTitle(sheet.getRow(HEADER_ROW).getCell(column).getStringCellValue(),
                    new CellReference(sheet.getSheetName(), HEADER_ROW, column, true, true));
            boolean mean = column == meanColumn;
            Color colour = added.orElse(mean ? RadarChart.MEAN
                    : RadarChart.PALETTE.get((column - FIRST_SCORE_COLUMN) % RadarChart.PALETTE.size()));
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(
                    new byte[] {(byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue()})));
            line.setWidth(mean || added.isPresent() ? 3.5 : 1.75);
            if (mean) {
                line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
            }
            series.setLineProperties(line);
        }
        chart.plot(data);
    }

    private static void reflections(XSSFSheet sheet, RoundReport report, Texts texts, CellStyles styles) {
        int r = 0;
        for (var prompt : report.questionnaire().prompts()) {
            text(sheet.createRow(r++), 0, prompt.reportHeading().in(report.region().language()), styles.header);
            for (Reflection reflection : report.reflections()) {
                if (reflection.prompt().id().equals(prompt.id())) {
                    Row row = sheet.createRow(r++);
                    text(row, 0, reflection.attribution().orElse(""), null);
                    text(row, 1, reflection.text(), styles.wrap);
                }
            }
            r++;
        }
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 90 * 256);
    }

    /** Per element each score with what it is based on; labelled as the radar's lines are. */
    private static void notes(XSSFSheet sheet, Input input, Texts texts, CellStyles styles) {
        RoundReport report = input.report();
        Map<Long, String> labels = new HashMap<>();
        for (int i = 0; i < input.responses().size() && i < report.partnerLines().size(); i++) {
            labels.put(input.responses().get(i).partner().id(), report.partnerLines().get(i).label());
        }
        Row header = sheet.createRow(0);
        text(header, 0, texts.get("export.column.element"), styles.header);
        text(header, 1, texts.get("export.column.partner"), styles.header);
        text(header, 2, texts.get("export.column.score"), styles.header);
        text(header, 3, texts.get("export.column.note"), styles.header);
        int r = 1;
        for (Statement statement : report.questionnaire().statements()) {
            for (Response response : input.responses()) {
                Score score = response.answers().scores().get(statement.element().id());
                if (score == null) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                text(row, 0, statement.element().label().in(report.region().language()), null);
                text(row, 1, labels.getOrDefault(response.partner().id(), ""), null);
                row.createCell(2).setCellValue(score.value());
                text(row, 3, score.note().orElse(""), styles.wrap);
            }
        }
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 28 * 256);
        sheet.setColumnWidth(3, 80 * 256);
    }

    private static void trend(XSSFSheet sheet, Optional<TrendChart.Data> trend, Texts texts, CellStyles styles) {
        Row header = sheet.createRow(0);
        text(header, 0, texts.get("export.column.element"), styles.header);
        if (trend.isEmpty()) {
            return;
        }
        TrendChart.Data data = trend.get();
        for (int round = 0; round < data.rounds().size(); round++) {
            text(header, 1 + round, data.rounds().get(round), styles.header);
        }
        for (int element = 0; element < data.elements().size(); element++) {
            Row row = sheet.createRow(1 + element);
            text(row, 0, data.elements().get(element), null);
            for (int round = 0; round < data.rounds().size(); round++) {
                double mean = data.means()[element][round];
                if (!Double.isNaN(mean)) {
                    Cell cell = row.createCell(1 + round);
                    cell.setCellValue(mean);
                    cell.setCellStyle(styles.decimal);
                }
            }
        }
        sheet.setColumnWidth(0, 32 * 256);
    }

    private static void actions(XSSFSheet sheet, Input input, Texts texts, CellStyles styles) {
        ActionMessages messages = new ActionMessages(texts, input.report().questionnaire());
        Row header = sheet.createRow(0);
        List<String> columns = List.of("export.column.number", "export.column.element", "export.column.action",
                "export.column.owner", "export.column.due", "export.column.status", "export.column.note");
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, texts.get(columns.get(c)), styles.header);
        }
        int r = 1;
        for (Action action : input.actions()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(action.number());
            text(row, 1, messages.elementLabel(action.elementId()), null);
            text(row, 2, action.text(), styles.wrap);
            text(row, 3, action.owner().map(o -> "@" + o.userId()).orElse(""), null);
            text(row, 4, action.due().map(Object::toString).orElse(""), null);
            text(row, 5, texts.get(action.status().textKey()), null);
            text(row, 6, action.note().orElse(""), styles.wrap);
        }
        sheet.setColumnWidth(1, 32 * 256);
        sheet.setColumnWidth(2, 60 * 256);
        sheet.setColumnWidth(6, 60 * 256);
    }

    /**
     * A text cell: POI stores it as a string, so "=HYPERLINK(…)" stays text and is never evaluated;
     * text that starts like a formula is also marked quote-prefixed, so editing it in Excel keeps it text.
     */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        XSSFWorkbook workbook = (XSSFWorkbook) row.getSheet().getWorkbook();
        if (CsvExport.looksLikeFormula(value)) {
            cell.setCellStyle(CellStyles.quoted(workbook, style));
        } else if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
