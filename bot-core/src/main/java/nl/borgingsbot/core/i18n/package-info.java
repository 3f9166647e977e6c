/**
 * User-facing text: the message bundles (Dutch by default, English), text cleaning and the notices
 * and refusals that name a bundle key. Uses no other core package.
 */
package nl.borgingsbot.core.i18n;
