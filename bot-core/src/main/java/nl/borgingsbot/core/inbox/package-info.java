/**
 * The guarantees at the entry point: each event handled once (kept keys), one person's events in
 * order, a round's close after every event accepted before it. May use chat only.
 */
package nl.borgingsbot.core.inbox;
