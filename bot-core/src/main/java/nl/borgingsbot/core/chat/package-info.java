/**
 * The seam to the chat platforms: identities, the neutral message model, inbound events, the
 * {@code ChatGateway} port and delivery retries. Uses no other core package; every other package may
 * use it.
 */
package nl.borgingsbot.core.chat;
