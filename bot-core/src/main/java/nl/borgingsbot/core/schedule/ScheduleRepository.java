package nl.borgingsbot.core.schedule;

import java.util.List;
import java.util.Optional;

/** Schedules, one per region. Implemented in {@code store}. */
public interface ScheduleRepository {

    Optional<Schedule> of(long regionId);

    /** Stores (or replaces) the region's schedule. */
    void save(Schedule schedule);

    /** Every schedule that is switched on. */
    List<Schedule> enabled();
}
