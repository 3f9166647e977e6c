package nl.borgingsbot.core.national;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.borgingsbot.core.export.CellStyles;
import nl.borgingsbot.core.export.CsvExport;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Element;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.report.ElementStats;
import nl.borgingsbot.core.round.Round;

/**
 * The programme office's Excel file: "Regio's" (every region: name or number, last closed round,
 * response rate, and the means of the round that counts — sharing regions only), "Landelijk beeld"
 * (the radar and the spread per element), "Verloop" (the national mean per quarter) and
 * "Stille regio's".
 */
final class NationalWorkbook {

    private final Texts texts;

    NationalWorkbook(Texts texts) {
        this.texts = texts;
    }

    byte[] xlsx(NationalOverview.Overview overview, Optional<byte[]> radarPng) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyles styles = new CellStyles(workbook);
            regions(workbook.createSheet(texts.get("national.sheet.regions")), overview, styles);
            picture(workbook.createSheet(texts.get("national.sheet.picture")), overview, radarPng, styles);
            trend(workbook.createSheet(texts.get("national.sheet.trend")), overview, styles);
            silent(workbook.createSheet(texts.get("national.sheet.silent")), overview, styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the national Excel file", e);
        }
    }

    private void regions(XSSFSheet sheet, NationalOverview.Overview overview, CellStyles styles) {
        List<Element> elements = overview.questionnaire().elements();
        Row header = sheet.createRow(0);
        List<String> columns = List.of("national.column.region", "national.column.sharing", "national.column.lastRound",
                "national.column.response", "national.column.counted");
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, texts.get(columns.get(c)), styles.header);
        }
        for (int e = 0; e < elements.size(); e++) {
            text(header, columns.size() + e, elements.get(e).label().in(texts.locale()), styles.header);
        }
        int r = 1;
        for (NationalOverview.RegionRow region : overview.regions()) {
            Row row = sheet.createRow(r++);
            text(row, 0, NationalOverview.label(region, texts), null);
            text(row, 1, texts.get(region.sharing() ? "word.yes" : "word.no"), null);
            text(row, 2, region.lastClosed().flatMap(Round::closedAt).map(t -> day(t).toString())
                    .orElse(texts.get("national.never")), null);
            region.responseRate().ifPresent(rate -> number(row, 3, rate, styles.percent));
            if (!region.sharing()) {
                continue;
            }
            if (region.counted().isEmpty()) {
                text(row, 4, texts.get("national.notCounted", NationalFigures.WINDOW_MONTHS,
                        NationalFigures.RESPONSE_MINIMUM), null);
                continue;
            }
            text(row, 4, region.counted().get().round().closedAt().map(t -> day(t).toString()).orElse(""), null);
            List<ElementStats> stats = region.counted().get().stats();
            for (int e = 0; e < elements.size() && e < stats.size(); e++) {
                if (stats.get(e).n() > 0) {
                    number(row, columns.size() + e, stats.get(e).mean(), styles.decimal);
                }
            }
        }
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(2, 18 * 256);
        sheet.setColumnWidth(4, 40 * 256);
        sheet.createFreezePane(1, 1);
    }

    private void picture(XSSFSheet sheet, NationalOverview.Overview overview, Optional<byte[]> radarPng,
                         CellStyles styles) {
        Row title = sheet.createRow(0);
        text(title, 0, texts.get("national.overview.chartTitle", overview.picture().regions().size()), styles.title);
        Row header = sheet.createRow(2);
        List<String> columns = List.of("national.column.element", "national.column.regions", "national.column.mean",
                "national.column.min", "national.column.p25", "national.column.median", "national.column.p75",
                "national.column.max");
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, texts.get(columns.get(c)), styles.header);
        }
        int r = 3;
        for (ElementSpread spread : overview.picture().elements()) {
            Row row = sheet.createRow(r++);
            text(row, 0, spread.element().label().in(texts.locale()), null);
            row.createCell(1).setCellValue(spread.regions());
            double[] values = {spread.mean(), spread.min(), spread.p25(), spread.median(), spread.p75(), spread.max()};
            for (int v = 0; v < values.length; v++) {
                if (!Double.isNaN(values[v])) {
                    number(row, 2 + v, values[v], styles.decimal);
                }
            }
        }
        text(sheet.createRow(r + 1), 0, texts.get("national.percentileNote"), null);
        sheet.setColumnWidth(0, 32 * 256);
        if (radarPng.isPresent()) {
            int picture = sheet.getWorkbook().addPicture(radarPng.get(), Workbook.PICTURE_TYPE_PNG);
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, r + 3, 6, r + 33);
            drawing.createPicture(anchor, picture);
        }
    }

    private void trend(XSSFSheet sheet, NationalOverview.Overview overview, CellStyles styles) {
        List<NationalOverview.Quarter> quarters = overview.trend();
        Row header = sheet.createRow(0);
        text(header, 0, texts.get("national.column.element"), styles.header);
        Row count = sheet.createRow(1);
        text(count, 0, texts.get("national.column.regions"), null);
        for (int q = 0; q < quarters.size(); q++) {
            NationalOverview.Quarter quarter = quarters.get(q);
            text(header, 1 + q, texts.get("national.quarter", String.valueOf(quarter.year()), quarter.quarter()),
                    styles.header);
            count.createCell(1 + q).setCellValue(quarter.picture().regions().size());
        }
        List<Element> elements = overview.questionnaire().elements();
        for (int e = 0; e < elements.size(); e++) {
            Row row = sheet.createRow(2 + e);
            text(row, 0, elements.get(e).label().in(texts.locale()), null);
            for (int q = 0; q < quarters.size(); q++) {
                double mean = quarters.get(q).picture().elements().get(e).mean();
                if (!Double.isNaN(mean)) {
                    number(row, 1 + q, mean, styles.decimal);
                }
            }
        }
        sheet.setColumnWidth(0, 32 * 256);
    }

    private void silent(XSSFSheet sheet, NationalOverview.Overview overview, CellStyles styles) {
        Row header = sheet.createRow(0);
        text(header, 0, texts.get("national.column.region"), styles.header);
        text(header, 1, texts.get("national.column.lastRound"), styles.header);
        text(header, 2, texts.get("national.column.daysAgo"), styles.header);
        LocalDate today = day(overview.at());
        int r = 1;
        for (NationalOverview.RegionRow region : overview.silent()) {
            Row row = sheet.createRow(r++);
            text(row, 0, region.region().name(), null); // process, not answers: every region by name
            Optional<LocalDate> closed = region.lastClosed().flatMap(Round::closedAt).map(NationalWorkbook::day);
            text(row, 1, closed.map(LocalDate::toString).orElse(texts.get("national.never")), null);
            closed.ifPresent(d -> row.createCell(2).setCellValue(ChronoUnit.DAYS.between(d, today)));
        }
        text(sheet.createRow(r + 1), 0, texts.get("national.silentNote", NationalOverview.SILENT_MONTHS), null);
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 22 * 256);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(Region.AMSTERDAM).toLocalDate();
    }

    private static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A text cell; a region name that starts like a formula stays text when edited in Excel too. */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (CsvExport.looksLikeFormula(value)) {
            CellStyle quoted = row.getSheet().getWorkbook().createCellStyle();
            if (style != null) {
                quoted.cloneStyleFrom(style);
            }
            quoted.setQuotePrefixed(true);
            cell.setCellStyle(quoted);
        } else if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
