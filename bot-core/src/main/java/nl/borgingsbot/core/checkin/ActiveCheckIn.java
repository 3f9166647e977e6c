package nl.borgingsbot.core.checkin;

import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/** A check-in with everything needed to continue it. */
public record ActiveCheckIn(Region region, Round round, Partner partner, Questionnaire questionnaire, CheckIn checkIn) {

    public CheckInMessages messages() {
        return new CheckInMessages(region, round, questionnaire);
    }

    ActiveCheckIn with(CheckIn updated) {
        return new ActiveCheckIn(region, round, partner, questionnaire, updated);
    }
}
