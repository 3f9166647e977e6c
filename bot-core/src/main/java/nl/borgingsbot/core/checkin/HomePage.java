package nl.borgingsbot.core.checkin;

import java.util.List;
import java.util.Optional;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundService;

/**
 * A person's home page in the chat app (Slack's App Home): their check-in of the open round — with
 * a button to continue, or that it is sent — and, for a programme manager, how far each region's
 * open round is (who has answered, never what). Showing it changes nothing.
 */
public final class HomePage {

    private final Repositories repositories;
    private final CheckInService checkIns;
    private final RoundService rounds;

    public HomePage(Repositories repositories, CheckInService checkIns, RoundService rounds) {
        this.repositories = repositories;
        this.checkIns = checkIns;
        this.rounds = rounds;
    }

    public Message of(ChatUser user) {
        Optional<ActiveCheckIn> active = checkIns.active(user);
        List<Region> managed = repositories.regions().managedBy(user);
        Texts texts = Texts.of(active.map(a -> a.region().language())
                .orElse(managed.isEmpty() ? Region.DUTCH : managed.get(0).language()));
        Message.Builder page = Message.builder().heading(texts.get("home.title"));
        if (active.isPresent()) {
            checkIn(page, texts, active.get());
        } else {
            page.paragraph(texts.get("home.noCheckIn"));
        }
        for (Region region : managed) {
            Optional<Round> round = repositories.rounds().openRound(region.id());
            if (round.isEmpty()) {
                page.paragraph(texts.get("home.manager.noRound", region.name()));
                continue;
            }
            List<RoundService.Progress> progress = rounds.progress(region, round.get());
            long submitted = progress.stream().filter(RoundService.Progress::submitted).count();
            page.heading(texts.get("round.status.title", round.get().number(), region.name()));
            page.paragraph(texts.get("round.status.summary", submitted, progress.size(),
                    texts.dateTime(round.get().deadline(), region.timeZone())));
        }
        return page.build();
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
