package nl.borgingsbot.core.checkin;

import java.util.Optional;

/** A score on the scale with its optional toelichting (what the score is based on). */
public record Score(int value, Optional<String> note) {
}
