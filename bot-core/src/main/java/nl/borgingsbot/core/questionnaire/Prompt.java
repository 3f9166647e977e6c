package nl.borgingsbot.core.questionnaire;

/**
 * A free-text reflection prompt ("Bij borging in de regio denk ik aan …").
 *
 * @param reportHeading the heading the collected answers get in the report ("Denken we aan")
 */
public record Prompt(String id, LocalizedText text, LocalizedText reportHeading) {
}
