package nl.borgingsbot.core.questionnaire;

/**
 * One element of borging: an id, the short label on the chart, and the guide's tool to go deeper.
 */
public record Element(String id, LocalizedText label, LocalizedText tip) {
}
