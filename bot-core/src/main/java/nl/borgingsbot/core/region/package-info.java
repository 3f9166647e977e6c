/**
 * Regions, their partners, programme managers and administrators, absences, working hours, and
 * the regions file. May use chat and i18n; nearly every package uses it.
 */
package nl.borgingsbot.core.region;
