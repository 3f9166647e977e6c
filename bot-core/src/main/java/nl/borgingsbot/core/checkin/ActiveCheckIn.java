package nl.borgingsbot.core.checkin;

import java.util.List;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/**
 * A check-in with everything needed to continue it, including the partner's improvement actions
 * to follow up before the prompts.
 */
public record ActiveCheckIn(Region region, Round round, Partner partner, Questionnaire questionnaire, CheckIn checkIn,
                            List<Action> followUps) {

    public ActiveCheckIn {
        followUps = List.copyOf(followUps);
    }

    public CheckInMessages messages() {
        return new CheckInMessages(region, round, questionnaire, followUps);
    }

    Conversation conversation() {
        return new Conversation(questionnaire, followUps);
    }

    ActiveCheckIn with(CheckIn updated) {
        return new ActiveCheckIn(region, round, partner, questionnaire, updated, followUps);
    }
}
