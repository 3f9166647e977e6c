package nl.borgingsbot.core.questionnaire;

/** A statement scored on the scale; {@code number} is 1-based and shown to the partner. */
public record Statement(int number, Element element, LocalizedText text) {
}
