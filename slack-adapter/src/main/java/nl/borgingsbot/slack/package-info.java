/**
 * Slack for the Borgingsbot, on Bolt for Java: {@link nl.borgingsbot.slack.SlackConnection} is one
 * Bolt app serving Socket Mode or HTTP mode (the servlet {@link nl.borgingsbot.slack.SlackEventsServlet}
 * on the application's web server);
 * {@link nl.borgingsbot.slack.SlackHandlers} turns slash commands, DM messages, button clicks and
 * the toelichting modal into the core's events; {@link nl.borgingsbot.slack.BlockKitRenderer}
 * renders the core's messages as Block Kit (everything a person typed is shown literally, see
 * {@link nl.borgingsbot.slack.SlackText}); {@link nl.borgingsbot.slack.SlackGateway} is the core's
 * {@code ChatGateway} on the Web API. No round or score logic lives here.
 */
package nl.borgingsbot.slack;
