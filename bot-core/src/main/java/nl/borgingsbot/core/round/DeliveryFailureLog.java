package nl.borgingsbot.core.round;

import java.time.Instant;

import nl.borgingsbot.core.chat.DeliveryException;

/**
 * Which delivery failures the programme managers were told about: once per partner, scope (e.g.
 * one round) and reason, also across restarts and instances. Implemented in {@code store}.
 */
public interface DeliveryFailureLog {

    /** True when this caller is the first to report this failure (and must tell the managers). */
    boolean claim(long partnerId, String scope, DeliveryException.Reason reason, Instant at);
}
