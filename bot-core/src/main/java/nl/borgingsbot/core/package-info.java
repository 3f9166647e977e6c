/**
 * The core's entry point and its composition place: {@link nl.borgingsbot.core.Borgingsbot} is the
 * facade every adapter calls ({@code accept}, {@code home}), built from the parts that {@link
 * nl.borgingsbot.core.CoreAssembly} wires; {@link nl.borgingsbot.core.Repositories} is the set of
 * stores the application hands in. Only this package sees every feature; no feature package uses it.
 */
package nl.borgingsbot.core;
