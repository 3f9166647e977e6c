/**
 * Rounds: the Round value and its store, and (until its split) {@code RoundService} for opening,
 * inviting, reminding, closing and publishing, and the {@code ronde}, {@code herinner} and {@code
 * trend} commands. Apart from RoundService it may use command, region, chat and i18n only.
 */
package nl.borgingsbot.core.round;
