/**
 * The port through which the core reports its work to the operator (metrics, log lines): no
 * identities, names or answers ever cross it.
 */
package nl.borgingsbot.core.telemetry;
