package nl.borgingsbot.core.telemetry;

import java.time.Duration;

/**
 * What the bot tells whoever runs it (metrics, the operator's log) about its work: a listener the
 * composition root implements; the core only calls it. Every argument is a count, a region's name,
 * a round's number, a platform or a reason — never a person's identity, name or answer. Each method
 * has an empty default, so {@link #NONE} and a listener for a few events stay small. A listener
 * must not throw.
 */
public interface Telemetry {

    /** Tells nobody (tests, the demo, server-side commands). */
    Telemetry NONE = new Telemetry() {
    };

    /** A round opened and {@code invited} partners got the intro. */
    default void roundOpened(String region, int round, int invited) {
    }

    /** {@code sent} partners of the round got a reminder. */
    default void reminded(String region, int round, int sent) {
    }

    /** The round was closed (by hand, at its deadline, or early). */
    default void roundClosed(String region, int round) {
    }

    /** The round's report reached the region channel. */
    default void reportPosted(String region, int round) {
    }

    /**
     * A message could not be delivered: a DM ({@code what} = "dm") or the report ("report");
     * {@code reason} is the delivery failure's kind (e.g. NOT_IN_CHANNEL), {@code round} 0 when
     * the failure belongs to no round.
     */
    default void deliveryFailed(String region, int round, String what, String reason) {
    }

    /** A partner began their check-in. */
    default void checkInStarted() {
    }

    /** A partner submitted their check-in. */
    default void checkInSubmitted() {
    }

    /** One answer (a reflection, a score or an action's status) was stored. */
    default void answerStored() {
    }

    /** A chat platform answered 429 (too many requests) and the bot waited {@code waited}. */
    default void rateLimited(String platform, Duration waited) {
    }

    /**
     * A chat platform's request was answered after {@code latency}: Slack's ack, Teams' whole
     * request to {@code /api/messages}.
     */
    default void acknowledged(String platform, Duration latency) {
    }
}
