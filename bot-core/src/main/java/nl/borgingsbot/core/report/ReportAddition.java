package nl.borgingsbot.core.report;

import java.awt.Color;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.chat.Message;

/**
 * What another feature adds to a round's channel report, radar and export (the national
 * comparison does). Every part is empty by default; {@link #NONE} adds nothing.
 */
public interface ReportAddition {

    ReportAddition NONE = new ReportAddition() {
    };

    /** Written right after an element's mean in the element list, e.g. " · landelijk 3,1". */
    default String afterMean(ElementStats stats) {
        return "";
    }

    /** Appended to the radar's alternative text. */
    default String altText() {
        return "";
    }

    /** Drawn on the radar behind the lines. */
    default List<RadarBackdrop> backdrops() {
        return List.of();
    }

    /** Sections added to the report after the change since the previous round. */
    default void addSections(Message.Builder message) {
    }

    /** Columns added after the mean on the export's Radargrafiek sheet, one value per element. */
    default List<Column> exportColumns() {
        return List.of();
    }

    /** A column of the export: its header, a value per element ({@code NaN}: none), its line in the chart if any. */
    record Column(String header, double[] values, Optional<Color> chartLine) {
    }
}
