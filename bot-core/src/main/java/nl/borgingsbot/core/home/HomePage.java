package nl.borgingsbot.core.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.checkin.ActiveCheckIn;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.CheckInMessages;
import nl.borgingsbot.core.checkin.CheckInService;
import nl.borgingsbot.core.checkin.Step;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.report.RoundReport;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;
import nl.borgingsbot.core.checkin.Invitations;
import nl.borgingsbot.core.report.RoundReports;

/**
 * A person's home page in the chat app (Slack's App Home): their check-in of the open round — with
 * a button to continue, or that it is sent — the outcome of each of their regions' last closed
 * round, and, for a programme manager, how far each region's open round is (who has answered, never
 * what).
 */
public final class HomePage {

    private final RegionRepository regions;
    private final RoundRepository roundRepository;
    private final CheckInService checkIns;
    private final Invitations invitations;
    private final RoundReports rounds;

    public HomePage(RegionRepository regions, RoundRepository roundRepository, CheckInService checkIns,
                    Invitations invitations, RoundReports rounds) {
        this.invitations = invitations;
        this.regions = regions;
        this.roundRepository = roundRepository;
        this.checkIns = checkIns;
        this.rounds = rounds;
    }

    public Message of(ChatUser user) {
        Optional<ActiveCheckIn> active = checkIns.active(user);
        List<Region> managed = regions.managedBy(user);
        Texts texts = Texts.of(active.map(a -> a.region().language())
                .orElse(managed.isEmpty() ? Region.DUTCH : managed.get(0).language()));
        Message.Builder page = Message.builder().heading(texts.get("home.title"));
        if (active.isPresent()) {
            checkIn(page, texts, active.get());
        } else {
            page.paragraph(texts.get("home.noCheckIn"));
        }
        for (Region region : regionsOf(user, managed)) {
            lastReport(page, texts, region);
        }
        for (Region region : managed) {
            Optional<Round> round = roundRepository.openRound(region.id());
            if (round.isEmpty()) {
                page.paragraph(texts.get("home.manager.noRound", region.name()));
                continue;
            }
            List<Invitations.Progress> progress = invitations.progress(region, round.get());
            long submitted = progress.stream().filter(Invitations.Progress::submitted).count();
            page.heading(texts.get("round.status.title", round.get().number(), region.name()));
            page.paragraph(texts.get("round.status.summary", submitted, progress.size(),
                    texts.dateTime(round.get().deadline(), region.timeZone())));
        }
        return page.build();
    }

    /** The regions a person manages or is a partner of, each once. */
    private List<Region> regionsOf(ChatUser user, List<Region> managed) {
        List<Region> all = new ArrayList<>(managed);
        regions.partnershipsOf(user).stream()
                .flatMap(p -> regions.byId(p.regionId()).stream())
                .filter(r -> all.stream().noneMatch(m -> m.id() == r.id()))
                .forEach(all::add);
        return all;
    }

    /** "Last result, round 3: 4 of 5 responded; lowest: Inzicht … (1,8), Structuur … (2,2)". */
    private void lastReport(Message.Builder page, Texts texts, Region region) {
        Optional<Round> last = roundRepository.ofRegion(region.id()).stream()
                .filter(r -> !r.isOpen()).reduce((earlier, later) -> later);
        if (last.isEmpty()) {
            return;
        }
        RoundReport report = rounds.report(region, last.get());
        String lowest = String.join(", ", report.lowest().stream()
                .map(s -> s.element().label().in(region.language()) + " (" + texts.decimal(s.mean()) + ")").toList());
        page.paragraph(texts.get("home.lastReport", region.name(), last.get().number(), report.responded(),
                report.invited(), lowest.isEmpty() ? "—" : lowest));
    }

    private static void checkIn(Message.Builder page, Texts texts, ActiveCheckIn active) {
        CheckIn checkIn = active.checkIn();
        String deadline = texts.dateTime(active.round().deadline(), active.region().timeZone());
        page.heading(texts.get("checkin.intro.title", active.region().name(), active.round().number()));
        if (checkIn.submitted()) {
            page.paragraph(texts.get("checkin.done", deadline));
            return;
        }
        int answered = checkIn.answers().reflections().size() + checkIn.answers().scores().size();
        int total = active.questionnaire().prompts().size() + active.questionnaire().statements().size();
        page.paragraph(texts.get("home.checkIn.open", deadline));
        page.paragraph(checkIn.step().kind() == Step.Kind.INTRO ? texts.get("reminder.notStarted")
                : texts.get("reminder.inProgress", answered, total));
        page.add(new Part.Actions(List.of(new Part.Choice(CheckInMessages.RESUME, String.valueOf(checkIn.id()),
                texts.get("checkin.button.resume")))));
    }
}
