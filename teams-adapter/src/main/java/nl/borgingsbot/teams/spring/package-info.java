/**
 * The Spring wiring of the Teams adapter: an auto-configuration that connects Teams when
 * {@code MICROSOFT_APP_ID} is set or {@code BORGING_TEAMS_EMULATOR=true}, the {@code /api/messages}
 * controller, and the environment post-processor that starts a web server only then.
 */
package nl.borgingsbot.teams.spring;
