/**
 * Persistence: the JDBC repositories behind the core's ports and the {@link
 * nl.borgingsbot.core.store.Database} they run on — SQLite by default (one file, WAL), PostgreSQL
 * for a larger deployment — with one set of Flyway migrations in {@code db/migration} for both.
 *
 * <p>Every repository method is one short transaction (or one read statement), so an answer is
 * stored the moment it is given and a restart resumes every conversation where it stood. Instants
 * are stored as fixed-width UTC text (see {@code Timestamps}), strings as TEXT, locales as language
 * tags and time zones as zone ids.
 */
package nl.borgingsbot.core.store;
