/**
 * Rounds: the Round value and its store, and {@link nl.borgingsbot.core.round.RoundLifecycle} for
 * opening and closing one (its deadlines, who is away). Invitations live in {@code checkin}, the
 * report in {@code report}, the commands in {@code cycle}. May use region, chat, i18n and
 * telemetry only.
 */
package nl.borgingsbot.core.round;
