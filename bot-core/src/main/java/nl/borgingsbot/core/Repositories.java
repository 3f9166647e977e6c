package nl.borgingsbot.core;

import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.inbox.HandledEvents;
import nl.borgingsbot.core.national.ConsentRepository;
import nl.borgingsbot.core.outbox.OutboxStore;
import nl.borgingsbot.core.personal.PersonalResultSettings;
import nl.borgingsbot.core.privacy.Forgetting;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.DeliveryFailureLog;
import nl.borgingsbot.core.round.ReminderLog;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.schedule.ScheduleRepository;

/** Every store the bot needs; {@code store.Database#repositories()} gives the JDBC ones. */
public record Repositories(RegionRepository regions, RoundRepository rounds, CheckInRepository checkIns,
                           ScheduleRepository schedules, ReminderLog reminders, ActionRepository actions,
                           AbsenceRepository absences, Forgetting forgetting,
                           HandledEvents handledEvents, ConsentRepository consents,
                           DeliveryFailureLog deliveryFailures, PersonalResultSettings personalResults,
                           OutboxStore outbox) {
}
