package nl.borgingsbot.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.borgingsbot.core.schedule.Schedule;
import nl.borgingsbot.core.schedule.ScheduleRepository;
import nl.borgingsbot.core.region.WorkingHours;

/** Schedules in table {@code schedule}, one row per region. */
public final class JdbcScheduleRepository implements ScheduleRepository {

    private static final String SELECT = "SELECT region_id, cron, time_zone, window_days, reminder_days, close_early,"
            + " enabled, since, work_start, work_end FROM schedule";

    private final Jdbc jdbc;

    /** @param dataSource {@link Database#dataSource()} */
    public JdbcScheduleRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Schedule> of(long regionId) {
        return jdbc.read("read the schedule of region " + regionId,
                c -> Jdbc.one(c, SELECT + " WHERE region_id = ?", JdbcScheduleRepository::schedule, regionId));
    }

    @Override
    public void save(Schedule s) {
        jdbc.write("save the schedule of region " + s.regionId(), c -> Jdbc.update(c,
                "INSERT INTO schedule (region_id, cron, time_zone, window_days, reminder_days, close_early, enabled, since,"
                        + " work_start, work_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (region_id) DO UPDATE SET cron = excluded.cron,"
                        + " time_zone = excluded.time_zone, window_days = excluded.window_days,"
                        + " reminder_days = excluded.reminder_days, close_early = excluded.close_early,"
                        + " enabled = excluded.enabled, since = excluded.since, work_start = excluded.work_start,"
                        + " work_end = excluded.work_end",
                s.regionId(), s.cron(), s.zone().getId(), s.windowDays(),
                s.reminderDays().stream().map(String::valueOf).collect(Collectors.joining(",")),
                s.closeEarly(), s.enabled(), s.since(), s.workingHours().start().toString(),
                s.workingHours().end().toString()));
    }

    @Override
    public List<Schedule> enabled() {
        return jdbc.read("list the schedules", c -> Jdbc.list(c, SELECT + " WHERE enabled = TRUE ORDER BY region_id",
                JdbcScheduleRepository::schedule));
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        String days = row.getString("reminder_days");
        List<Integer> reminderDays = days.isBlank() ? List.of()
                : Arrays.stream(days.split(",")).map(String::strip).map(Integer::valueOf).toList();
        return new Schedule(row.getLong("region_id"), row.getString("cron"), ZoneId.of(row.getString("time_zone")),
                row.getInt("window_days"), reminderDays, row.getBoolean("close_early"), row.getBoolean("enabled"),
                Jdbc.instant(row, "since"), new WorkingHours(LocalTime.parse(row.getString("work_start")),
                LocalTime.parse(row.getString("work_end"))));
    }
}
