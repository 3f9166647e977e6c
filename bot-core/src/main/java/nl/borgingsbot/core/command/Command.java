package nl.borgingsbot.core.command;

import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.actions.ActionStatus;

/** A command a person typed, parsed. Dutch words with English aliases; see {@link CommandParser}. */
public sealed interface Command {

    record Help() implements Command {
    }

    record LinkRegion(String name) implements Command {
    }

    record ShowRegion() implements Command {
    }

    record SetLanguage(String language) implements Command {
    }

    record SetAnonymous(boolean anonymous) implements Command {
    }

    record SetQuestionnaire(String questionnaireId) implements Command {
    }

    record AddPartner(UserReference user, String organisation) implements Command {
    }

    record RemovePartner(UserReference user) implements Command {
    }

    record ListPartners() implements Command {
    }

    record StartRound(Optional<String> deadline) implements Command {
    }

    record RoundStatus() implements Command {
    }

    record CloseRound() implements Command {
    }

    record PostReport() implements Command {
    }

    record Remind() implements Command {
    }

    record ShowSchedule() implements Command {
    }

    record SetQuarterly() implements Command {
    }

    record SetCron(String cron, Optional<String> zone) implements Command {
    }

    record SetWindow(int days) implements Command {
    }

    record SetReminders(List<Integer> daysBeforeDeadline) implements Command {
    }

    record SetCloseEarly(boolean closeEarly) implements Command {
    }

    record ScheduleOff() implements Command {
    }

    /** "planning werktijden 08:00-18:00": as typed, checked by the planning. */
    record SetWorkingHours(String hours) implements Command {
    }

    /** "actie &lt;element&gt; &lt;tekst&gt; [eigenaar] [datum]". */
    record RecordAction(String element, String text, Optional<UserReference> owner, Optional<String> due)
            implements Command {
    }

    /** "actie &lt;nr&gt; klaar|bezig|gestopt [toelichting]". */
    record UpdateAction(int number, ActionStatus status, Optional<String> note)
            implements Command {
    }

    record ListActions() implements Command {
    }

    record Trend() implements Command {
    }

    /** "afwezig [@user] tot &lt;datum&gt;": empty user means the person typing. */
    record Away(Optional<UserReference> user, String until) implements Command {
    }

    /** "export [ronde] [csv]": the round as an Excel (or CSV) file in the programme manager's DM. */
    record Export(Optional<Integer> round, boolean csv) implements Command {
    }

    /** "mijn gegevens": everything stored about the person typing. */
    record MyData() implements Command {
    }

    /** "mijn resultaat": the person's own result of the last closed round again; "uit"/"aan" switches it. */
    record MyResult(Optional<Boolean> on) implements Command {
    }

    /** "vergeet mij [bevestig]" or "vergeet @user [bevestig]": without the confirmation, what it means. */
    record Forget(Optional<UserReference> user, boolean confirmed) implements Command {
    }

    /** "aanwezig [@user]". */
    record Back(Optional<UserReference> user) implements Command {
    }

    /** "regio landelijk aan|uit": whether the region shares its means with the national comparison. */
    record SetNationalSharing(boolean sharing) implements Command {
    }

    /** "landelijk": the programme office's national overview (administrators). */
    record National() implements Command {
    }

    /** A known command word used the wrong way: {@code usageKey} names the bundle text that explains it. */
    record Misused(String usageKey) implements Command {
    }
}
