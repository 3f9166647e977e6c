package nl.borgingsbot.core.report;

import nl.borgingsbot.core.checkin.Answers;
import nl.borgingsbot.core.region.Partner;

/** One partner's counted (submitted) answers in a round. */
public record Response(Partner partner, Answers answers) {
}
