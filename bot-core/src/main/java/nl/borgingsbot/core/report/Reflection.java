package nl.borgingsbot.core.report;

import java.util.Optional;

import nl.borgingsbot.core.questionnaire.Prompt;

/** A partner's answer to a reflection prompt; attributed by organisation unless the region is anonymous. */
public record Reflection(Prompt prompt, Optional<String> attribution, String text) {
}
