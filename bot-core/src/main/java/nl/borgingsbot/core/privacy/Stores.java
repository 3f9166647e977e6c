package nl.borgingsbot.core.privacy;

import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.RoundRepository;

/** The stores that hold something about a person: what "mijn gegevens" shows and "vergeet mij" erases. */
record Stores(RegionRepository regions, RoundRepository rounds, CheckInRepository checkIns, ActionRepository actions,
              AbsenceRepository absences, Forgetting forgetting) {
}
