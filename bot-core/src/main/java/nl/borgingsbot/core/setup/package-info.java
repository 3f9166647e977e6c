/**
 * A region's setup: linking a channel to a new region, its language, anonymity and questionnaire,
 * and its partners ({@code regio ...}, {@code partner ...}, {@code partners}). May use national,
 * schedule, round, command, questionnaire, region, chat and i18n; nothing uses it but the assembly.
 */
package nl.borgingsbot.core.setup;
