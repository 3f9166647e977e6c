/**
 * Each region's recurring schedule (cron, window, reminders, working hours), the Quartz ticker that
 * opens, reminds and closes rounds on time, and the {@code planning} commands. May use round,
 * report, checkin, command, region, chat and i18n.
 */
package nl.borgingsbot.core.schedule;
