package nl.borgingsbot.core.round;

/** scheduled → open → closed → reported. */
public enum RoundState {
    SCHEDULED, OPEN, CLOSED, REPORTED
}
