package nl.borgingsbot.core.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Handled;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Notice;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * Runs check-in conversations: finds the one a person is in, applies the {@link Conversation}'s
 * transition, stores it at once, and returns what the person sees next.
 */
public final class CheckInService {

    private final RegionRepository regions;
    private final RoundRepository rounds;
    private final CheckInRepository checkIns;
    private final ActionRepository actions;
    private final AbsenceRepository absences;
    private final QuestionnaireCatalog catalog;
    private final Clock clock;
    private final Telemetry telemetry;

    public CheckInService(RegionRepository regions, RoundRepository rounds, CheckInRepository checkIns,
                          ActionRepository actions, AbsenceRepository absences, QuestionnaireCatalog catalog, Clock clock,
                          Telemetry telemetry) {
        this.telemetry = telemetry;
        this.regions = regions;
        this.rounds = rounds;
        this.checkIns = checkIns;
        this.actions = actions;
        this.absences = absences;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The check-in this person is in now: the first unsubmitted one in an open round, else the
     * latest submitted one (which can still be changed until the round closes).
     */
    public Optional<ActiveCheckIn> active(ChatUser user) {
        List<ActiveCheckIn> open = new ArrayList<>();
        for (Partner partner : regions.partnershipsOf(user)) {
            Optional<Round> round = rounds.openRound(partner.regionId());
            Optional<Region> region = regions.byId(partner.regionId());
            if (round.isPresent() && region.isPresent()) {
                Optional<CheckIn> checkIn = checkIns.find(round.get().id(), partner.id());
                if (checkIn.isEmpty() && !isAway(region.get(), partner)) {
                    // invited later than the others (back from an absence): the conversation starts now
                    checkIn = Optional.of(checkIns.createOrGet(round.get().id(), partner.id()));
                }
                checkIn.ifPresent(c -> open.add(active(region.get(), round.get(), partner, c)));
            }
        }
        return open.stream()
                .min(Comparator.comparing((ActiveCheckIn a) -> a.checkIn().submitted())
                        .thenComparing(a -> a.round().openedAt()));
    }

    /** The check-in with this id, when it belongs to this person. */
    public Optional<ActiveCheckIn> byId(ChatUser user, long checkInId) {
        Optional<CheckIn> checkIn = checkIns.byId(checkInId);
        if (checkIn.isEmpty()) {
            return Optional.empty();
        }
        Optional<Partner> partner = regions.partnerById(checkIn.get().partnerId()).filter(p -> p.user().equals(user));
        Optional<Round> round = rounds.byId(checkIn.get().roundId());
        if (partner.isEmpty() || round.isEmpty()) {
            return Optional.empty();
        }
        Optional<Region> region = regions.byId(round.get().regionId());
        return region.map(r -> active(r, round.get(), partner.get(), checkIn.get()));
    }

    private boolean isAway(Region region, Partner partner) {
        return absences.awayOn(partner.id(), clock.instant().atZone(region.timeZone()).toLocalDate()).isPresent();
    }

    private ActiveCheckIn active(Region region, Round round, Partner partner, CheckIn checkIn) {
        return new ActiveCheckIn(region, round, partner, catalog.require(round.questionnaireId()), checkIn,
                followUps(region, round, partner));
    }

    /**
     * The partner's improvement actions to ask about in this round: recorded before it opened, and
     * still open then (so the list stays the same while the partner answers).
     */
    private List<Action> followUps(Region region, Round round, Partner partner) {
        return actions.ofRegion(region.id()).stream()
                .filter(a -> a.owner().filter(partner.user()::equals).isPresent())
                .filter(a -> a.createdAt().isBefore(round.openedAt()))
                .filter(a -> a.status().isOpen() || !a.updatedAt().isBefore(round.openedAt()))
                .toList();
    }

    /**
     * What to tell a person who typed in the DM while no check-in is open for them: that they
     * are registered as away, that the round is closed, or that nothing is waiting.
     */
    public Message noCheckIn(ChatUser user) {
        for (Partner partner : regions.partnershipsOf(user)) {
            Optional<Region> region = regions.byId(partner.regionId());
            if (region.isPresent() && rounds.openRound(region.get().id()).isPresent()) {
                Texts texts = Texts.of(region.get().language());
                LocalDate today = clock.instant().atZone(region.get().timeZone()).toLocalDate();
                Optional<LocalDate> until = absences.awayOn(partner.id(), today);
                if (until.isPresent()) {
                    return Message.text(texts.get("checkin.away",
                            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", texts.locale()).format(until.get())));
                }
            }
        }
        return regions.partnershipsOf(user).stream()
                .flatMap(p -> regions.byId(p.regionId()).stream())
                .filter(r -> !rounds.ofRegion(r.id()).isEmpty())
                .findFirst()
                .map(CheckInService::roundClosed)
                .orElseGet(() -> Message.text(Texts.of(Region.DUTCH).get("checkin.none")));
    }

    /** Typed text in the DM. */
    public Handled onText(ActiveCheckIn active, String text) {
        Conversation conversation = active.conversation();
        if (Keywords.isStart(text) || Keywords.isResume(text)) {
            return apply(active, conversation.start(active.checkIn()), "");
        }
        return apply(active, conversation.onText(active.checkIn(), text), "");
    }

    /**
     * A button or choice from one of the check-in messages. The result's {@code chosen} is present
     * when the click was taken (an answer stored, a step moved), so the adapter may show it chosen.
     */
    public Handled onChoice(ActiveCheckIn active, String actionId, String value, Optional<String> note) {
        Conversation conversation = active.conversation();
        CheckIn checkIn = active.checkIn();
        return switch (actionId) {
            case CheckInMessages.START, CheckInMessages.RESUME -> apply(active, conversation.start(checkIn), actionId);
            case CheckInMessages.SUBMIT -> apply(active, conversation.submit(checkIn), actionId);
            case CheckInMessages.EDIT -> {
                String target = afterId(value);
                yield target.isEmpty()
                        ? new Handled(List.of(active.messages().editChoices(checkIn)),
                                Optional.of(new Handled.Chosen(actionId, "")))
                        : apply(active, conversation.edit(checkIn, target), actionId);
            }
            case CheckInMessages.SCORE -> {
                String[] parts = value.split(":");
                yield parts.length == 3 && parts[2].matches("\\d{1,2}")
                        ? apply(active, conversation.onScore(checkIn, parts[1], Integer.parseInt(parts[2]), note), actionId)
                        : unknownAction(active);
            }
            case CheckInMessages.ACTION -> {
                String[] parts = value.split(":");
                Optional<ActionStatus> status = parts.length == 3
                        ? Arrays.stream(ActionStatus.values()).filter(s -> s.name().equals(parts[2])).findFirst()
                        : Optional.empty();
                yield status.isPresent() ? apply(active, conversation.onActionStatus(checkIn, status.get(), note), actionId)
                        : unknownAction(active);
            }
            default -> unknownAction(active);
        };
    }

    private static Handled unknownAction(ActiveCheckIn active) {
        return Handled.reply(active.messages().current(active.checkIn(), Optional.of(Notice.of("invalid.unknownAction"))));
    }

    /** The id of the check-in a button belongs to (its value starts with "id" or "id:"). */
    public static long checkInIdOf(String value) {
        int colon = value.indexOf(':');
        return Long.parseLong(colon < 0 ? value : value.substring(0, colon));
    }

    private static String afterId(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? "" : value.substring(colon + 1);
    }

    /**
     * Stores what a transition changes, then says what the person sees: the next step, and what
     * was chosen — present only once it is stored. {@code button} is the action id of a clicked
     * button (empty for typed text).
     */
    private Handled apply(ActiveCheckIn active, Transition transition, String button) {
        CheckIn checkIn = active.checkIn();
        if (!transition.changesAnything(checkIn)) {
            return Handled.reply(active.messages().current(checkIn, transition.notice()));
        }
        var now = clock.instant();
        if (checkIn.step().kind() == Step.Kind.INTRO && transition.next().kind() != Step.Kind.INTRO) {
            telemetry.checkInStarted();
        }
        Optional<Transition.Answer> answer = transition.answer();
        if (answer.isPresent() && answer.get() instanceof Transition.Answer.Reflection r) {
            checkIns.saveReflection(checkIn.id(), r.promptId(), r.text(), transition.next(), transition.editing(), now);
            telemetry.answerStored();
        } else if (answer.isPresent() && answer.get() instanceof Transition.Answer.Scored s) {
            checkIns.saveScore(checkIn.id(), s.elementId(), s.score(), transition.next(), transition.editing(), now);
            telemetry.answerStored();
        } else if (answer.isPresent() && answer.get() instanceof Transition.Answer.ActionUpdate update) {
            actions.update(update.actionId(), update.status(), update.note(), now);
            checkIns.moveTo(checkIn.id(), transition.next(), transition.editing());
            telemetry.answerStored();
        } else if (transition.submit()) {
            checkIns.submit(checkIn.id(), now);
            telemetry.checkInSubmitted();
        } else {
            checkIns.moveTo(checkIn.id(), transition.next(), transition.editing());
        }
        CheckIn updated = checkIns.byId(checkIn.id()).orElseThrow();
        Message next = active.with(updated).messages().current(updated, transition.notice());
        return new Handled(List.of(next), chosen(active, answer, button));
    }

    private static Optional<Handled.Chosen> chosen(ActiveCheckIn active, Optional<Transition.Answer> answer,
                                                   String button) {
        if (answer.isPresent() && answer.get() instanceof Transition.Answer.Scored s) {
            return Optional.of(new Handled.Chosen(CheckInMessages.questionKey(s.elementId()),
                    active.messages().scaleLabel(s.score().value())));
        }
        if (answer.isPresent() && answer.get() instanceof Transition.Answer.ActionUpdate update) {
            return Optional.of(new Handled.Chosen(CheckInMessages.ACTION, active.messages().label(update.status())));
        }
        return button.isEmpty() ? Optional.empty() : Optional.of(new Handled.Chosen(button, ""));
    }

    /** "Deze ronde is gesloten" in the region's language. */
    public static Message roundClosed(Region region) {
        return Message.text(Texts.of(region.language()).get("checkin.closed", region.name()));
    }
}
