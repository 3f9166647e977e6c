/**
 * Questionnaires (statements, elements, prompts, scale) loaded from YAML, and the catalog of them.
 * Uses no other core package.
 */
package nl.borgingsbot.core.questionnaire;
