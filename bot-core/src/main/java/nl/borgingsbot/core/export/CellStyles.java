package nl.borgingsbot.core.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The few cell styles the bot's workbooks use (the round's export, the national overview). */
public final class CellStyles {

    public final CellStyle title;
    public final CellStyle header;
    public final CellStyle wrap;
    public final CellStyle decimal;
    public final CellStyle percent;
    public final CellStyle date;

    public CellStyles(XSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("d-m-yyyy"));
        date.setAlignment(HorizontalAlignment.LEFT);
    }

    /** The style with a quote prefix, made once per workbook and base style. */
    static CellStyle quoted(XSSFWorkbook workbook, CellStyle base) {
        for (int i = 0; i < workbook.getNumCellStyles(); i++) {
            CellStyle candidate = workbook.getCellStyleAt(i);
            if (candidate.getQuotePrefixed() && candidate.getWrapText() == (base != null && base.getWrapText())) {
                return candidate;
            }
        }
        CellStyle quoted = workbook.createCellStyle();
        if (base != null) {
            quoted.cloneStyleFrom(base);
        }
        quoted.setQuotePrefixed(true);
        return quoted;
    }
}
