/**
 * The quarterly cycle as a programme manager drives it: the {@code ronde}, {@code herinner} and
 * {@code trend} commands, which open a round and invite ({@code checkin}), follow and remind, and
 * close it and publish its report ({@code report}). Uses round, checkin, report, region and command;
 * nothing in the core uses this package but the composition ({@code CoreAssembly}).
 */
package nl.borgingsbot.core.cycle;
