/**
 * Microsoft Teams for the Borgingsbot, on the Bot Framework SDK for Java (bot-connector and
 * bot-schema 4.14.3): a mapper, a renderer and a gateway around the core's one entry point.
 *
 * <ul>
 *   <li>In: {@link nl.borgingsbot.teams.ActivityJson} reads an Activity (normalising its timestamp),
 *   {@link nl.borgingsbot.teams.RequestAuthenticator} checks the Bot Framework token,
 *   {@link nl.borgingsbot.teams.InboundMapper} turns it into a core event, and
 *   {@link nl.borgingsbot.teams.TeamsBot} hands it to the core and answers.</li>
 *   <li>Out: {@link nl.borgingsbot.teams.AdaptiveCards} renders the core's messages (Adaptive Cards
 *   1.5), {@link nl.borgingsbot.teams.TeamsGateway} sends them proactively through
 *   {@link nl.borgingsbot.teams.ConnectorClients} (with {@link nl.borgingsbot.teams.ConnectorRetryStrategy}
 *   and {@link nl.borgingsbot.teams.TenantAppCredentials}), using the conversation references in
 *   {@link nl.borgingsbot.teams.ConversationStore}.</li>
 * </ul>
 * Round and score logic stays in bot-core. The Spring wiring is in {@code nl.borgingsbot.teams.spring}.
 */
package nl.borgingsbot.teams;
