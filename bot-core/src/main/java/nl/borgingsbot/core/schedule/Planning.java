package nl.borgingsbot.core.schedule;

import static nl.borgingsbot.core.command.CommandParser.OFF;
import static nl.borgingsbot.core.command.CommandParser.ON;
import static nl.borgingsbot.core.command.CommandParser.join;
import static nl.borgingsbot.core.command.CommandParser.lower;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.command.DeadlineParser;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionFile;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.region.WorkingHours;

/**
 * The {@code planning} commands of a programme manager: show the region's schedule with the next
 * dates, and change it. A change is checked first (cron, zone, window, reminders) and then stored;
 * the {@link ScheduleRunner} reads it at its next tick, so no restart is needed.
 */
public final class Planning implements CommandRouter.Feature {

    public record ShowSchedule() implements Command {
    }

    public record SetQuarterly() implements Command {
    }

    public record SetCron(String cron, Optional<String> zone) implements Command {
    }

    public record SetWindow(int days) implements Command {
    }

    public record SetReminders(List<Integer> daysBeforeDeadline) implements Command {
    }

    public record SetCloseEarly(boolean closeEarly) implements Command {
    }

    public record ScheduleOff() implements Command {
    }

    /** "planning werktijden 08:00-18:00": as typed, checked here. */
    public record SetWorkingHours(String hours) implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("planning", "schedule"), line -> planning(line.second(), line.rest())));

    static final int MAX_WINDOW_DAYS = 60;
    static final int MAX_REMINDERS = 5;
    private static final int NEXT_ROUNDS_SHOWN = 3;

    private final ScheduleRepository schedules;
    private final Clock clock;

    public Planning(ScheduleRepository schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    /** The default schedule for a newly linked region, unless it has one. */
    public void ensureDefault(Region region) {
        if (schedules.of(region.id()).isEmpty()) {
            schedules.save(Schedule.quarterly(region.id(), region.timeZone(), clock.instant()));
        }
    }

    /** Sets the working hours a regions file declares, keeping the rest of each region's schedule. */
    public void applyWorkingHours(List<RegionFile.Declared> declared, RegionRepository regions) {
        for (RegionFile.Declared d : declared) {
            d.workingHours().ifPresent(hours -> regions.byChannel(d.region().channel()).ifPresent(
                    region -> schedules.save(current(region, clock.instant()).withWorkingHours(hours))));
        }
    }

    private Schedule current(Region region, Instant now) {
        return schedules.of(region.id()).orElse(Schedule.quarterly(region.id(), region.timeZone(), now).disabled());
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(route(ShowSchedule.class), route(SetQuarterly.class), route(SetCron.class), route(SetWindow.class),
                route(SetReminders.class), route(SetCloseEarly.class), route(ScheduleOff.class),
                route(SetWorkingHours.class));
    }

    private <C extends Command> Route<C> route(Class<C> type) {
        return Route.of(type, Role.MANAGER, (command, request) -> handle(command, request.region(), request.texts()));
    }

    private static Command planning(String second, String[] rest) {
        return switch (second) {
            case "" -> new ShowSchedule();
            case "kwartaal", "quarterly" -> new SetQuarterly();
            case "uit", "off" -> new ScheduleOff();
            case "cron" -> cron(rest);
            case "venster", "window" -> rest.length == 2 && rest[1].matches("\\d{1,3}")
                    ? new SetWindow(Integer.parseInt(rest[1])) : new Misused("usage.planning");
            case "herinneringen", "reminders" -> reminders(rest);
            case "werktijden", "hours" -> rest.length >= 2 ? new SetWorkingHours(join(rest, 1))
                    : new Misused("usage.planning");
            case "vroeg", "early" -> rest.length == 2 && ON.contains(lower(rest[1])) ? new SetCloseEarly(true)
                    : rest.length == 2 && OFF.contains(lower(rest[1])) ? new SetCloseEarly(false)
                    : new Misused("usage.planning");
            default -> new Misused("usage.planning");
        };
    }

    /** "planning cron 0 0 9 ? * MON#1 Europe/Amsterdam": the last word is a zone when it has a slash or is UTC. */
    private static Command cron(String[] rest) {
        if (rest.length < 2) {
            return new Misused("usage.planning");
        }
        String last = rest[rest.length - 1];
        boolean zone = last.contains("/") || last.equalsIgnoreCase("UTC");
        String expression = String.join(" ", Arrays.copyOfRange(rest, 1, zone ? rest.length - 1 : rest.length));
        return expression.isBlank() ? new Misused("usage.planning")
                : new SetCron(expression, zone ? Optional.of(last) : Optional.empty());
    }

    /** "planning herinneringen 7,2" (or "7 2", or "geen"). */
    private static Command reminders(String[] rest) {
        String list = join(rest, 1);
        if (Set.of("geen", "none").contains(lower(list))) {
            return new SetReminders(List.of());
        }
        if (!list.matches("\\d{1,2}([,\\s]+\\d{1,2})*")) {
            return new Misused("usage.planning");
        }
        return new SetReminders(Arrays.stream(list.split("[,\\s]+")).map(Integer::valueOf).toList());
    }

    /** Carries out a planning command for the region; the reply says what changed or what is wrong. */
    private Message handle(Command command, Region region, Texts texts) {
        Instant now = clock.instant();
        Schedule current = current(region, now);
        if (command instanceof ShowSchedule) {
            return show(region, current, texts);
        }
        Optional<String> problem = Optional.empty();
        Schedule changed = current;
        if (command instanceof SetQuarterly) {
            changed = current.withCron(Schedule.QUARTERLY, region.timeZone(), now);
        } else if (command instanceof ScheduleOff) {
            changed = current.disabled();
        } else if (command instanceof SetCloseEarly early) {
            changed = current.withCloseEarly(early.closeEarly());
        } else if (command instanceof SetCron set) {
            Optional<ZoneId> zone = zone(set.zone().orElse(current.zone().getId()));
            if (zone.isEmpty()) {
                problem = Optional.of(texts.get("planning.invalid.zone", set.zone().orElse("")));
            } else {
                problem = Cron.check(set.cron(), zone.get(), now).map(p -> cronProblem(p, set.cron(), texts));
                changed = current.withCron(set.cron(), zone.get(), now);
            }
        } else if (command instanceof SetWindow window) {
            int earliest = current.reminderDays().stream().max(Integer::compare).orElse(0);
            if (window.days() < 1 || window.days() > MAX_WINDOW_DAYS || window.days() <= earliest) {
                problem = Optional.of(texts.get("planning.invalid.window", MAX_WINDOW_DAYS, earliest));
            }
            changed = current.withWindow(window.days());
        } else if (command instanceof SetReminders reminders) {
            List<Integer> days = reminders.daysBeforeDeadline();
            boolean fits = days.size() <= MAX_REMINDERS && new HashSet<>(days).size() == days.size()
                    && days.stream().allMatch(d -> d >= 1 && d < current.windowDays());
            if (!fits) {
                problem = Optional.of(texts.get("planning.invalid.reminders", MAX_REMINDERS, current.windowDays() - 1));
            }
            changed = current.withReminders(days.stream().sorted((a, b) -> b - a).toList());
        } else if (command instanceof SetWorkingHours set) {
            Optional<WorkingHours> hours = WorkingHours.parse(set.hours());
            if (hours.isEmpty()) {
                problem = Optional.of(texts.get("planning.invalid.hours", set.hours()));
            }
            changed = current.withWorkingHours(hours.orElse(current.workingHours()));
        } else {
            throw new IllegalArgumentException("not a planning command: " + command);
        }
        if (problem.isPresent()) {
            return Message.text(problem.get());
        }
        schedules.save(changed);
        List<Part> reply = new ArrayList<>();
        reply.add(new Part.Paragraph(texts.get("planning.saved")));
        reply.addAll(show(region, changed, texts).parts());
        return new Message(reply);
    }

    private Message show(Region region, Schedule schedule, Texts texts) {
        Message.Builder message = Message.builder().heading(texts.get("planning.title", region.name()));
        if (!schedule.enabled()) {
            return message.paragraph(texts.get("planning.off")).build();
        }
        message.paragraph(Schedule.QUARTERLY.equals(schedule.cron())
                ? texts.get("planning.quarterly", schedule.zone().getId())
                : texts.get("planning.cron", schedule.cron(), schedule.zone().getId()));
        message.paragraph(texts.get("planning.window", schedule.windowDays()));
        List<Integer> days = schedule.reminderDays();
        WorkingHours hours = schedule.workingHours();
        message.paragraph(days.isEmpty() ? texts.get("planning.noReminders")
                : texts.get("planning.reminders", texts.list(days.stream().map(String::valueOf).toList()),
                        days.equals(List.of(1)) ? 1 : 2, hours.reminderTime().toString()));
        message.paragraph(texts.get("planning.workingHours", hours.start().toString(), hours.end().toString()));
        message.paragraph(texts.get(schedule.closeEarly() ? "planning.early.on" : "planning.early.off"));
        List<String> next = new ArrayList<>();
        for (Instant start : nextStarts(schedule, NEXT_ROUNDS_SHOWN)) {
            Instant deadline = DeadlineParser.daysFrom(start.atZone(schedule.zone()), schedule.windowDays()).toInstant();
            List<String> reminders = days.stream().map(d -> hours.reminderMoment(deadline, d, region.timeZone()))
                    .filter(start::isBefore).distinct().map(at -> texts.dateTime(at, schedule.zone())).toList();
            next.add(reminders.isEmpty()
                    ? texts.get("planning.nextRound", texts.dateTime(start, schedule.zone()),
                            texts.dateTime(deadline, schedule.zone()))
                    : texts.get("planning.nextRoundReminders", texts.dateTime(start, schedule.zone()),
                            texts.dateTime(deadline, schedule.zone()), texts.list(reminders)));
        }
        message.heading(texts.get("planning.next"));
        message.add(new Part.Bullets(next));
        return message.build();
    }

    /** When the region's first round opens by itself; empty when it has no schedule switched on. */
    public Optional<Instant> firstRound(Region region) {
        return schedules.of(region.id()).filter(Schedule::enabled).flatMap(s -> nextStarts(s, 1).stream().findFirst());
    }

    private List<Instant> nextStarts(Schedule schedule, int count) {
        Instant from = clock.instant().isAfter(schedule.since()) ? clock.instant() : schedule.since();
        return Cron.of(schedule.cron(), schedule.zone()).next(from, count);
    }

    private static String cronProblem(Cron.Problem problem, String cron, Texts texts) {
        return switch (problem) {
            case INVALID -> texts.get("planning.invalid.cron", cron);
            case NEVER_FIRES -> texts.get("planning.invalid.never", cron);
            case TOO_OFTEN -> texts.get("planning.invalid.tooOften", cron, Cron.MIN_GAP.toDays());
        };
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
