package nl.borgingsbot.core.privacy;

import static nl.borgingsbot.core.command.CommandParser.lower;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.actions.ActionMessages;
import nl.borgingsbot.core.actions.ActionRepository;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.CheckInRepository;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.command.UserReference;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Prompt;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.region.AbsenceRepository;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundRepository;

/**
 * {@code mijn gegevens} (everything stored about a person, shown to them) and {@code vergeet mij}
 * (forget them, after a confirmation). A programme manager can forget someone who left the
 * region. What was forgotten is logged without any content or identity.
 */
public final class PrivacyCommands implements CommandRouter.Feature {

    /** "mijn gegevens": everything stored about the person typing. */
    public record MyData() implements Command {
    }

    /** "vergeet mij [bevestig]" or "vergeet @user [bevestig]": without the confirmation, what it means. */
    public record Forget(Optional<UserReference> user, boolean confirmed) implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("mijn", "my"), Set.of("gegevens", "data"), line -> line.rest().length == 1 ? new MyData() : null),
            Entry.of(Set.of("vergeet", "forget"), line -> forget(line.after(1))));

    /** The button that confirms forgetting; its value is the user id to forget. */
    public static final String FORGET = "privacy.forget";
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyCommands.class);

    private final Stores repositories;
    private final QuestionnaireCatalog catalog;
    private final BiPredicate<ChatUser, Message> sendDirect;

    /** @param sendDirect sends a DM, true when delivered (the JSON file goes to the person's DM) */
    public PrivacyCommands(RegionRepository regions, RoundRepository rounds, CheckInRepository checkIns,
                           ActionRepository actions, AbsenceRepository absences, Forgetting forgetting,
                           QuestionnaireCatalog catalog, BiPredicate<ChatUser, Message> sendDirect) {
        this.repositories = new Stores(regions, rounds, checkIns, actions, absences, forgetting);
        this.catalog = catalog;
        this.sendDirect = sendDirect;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(Route.of(MyData.class, Role.ANYONE, (data, request) -> myData(request.from())),
                Route.of(Forget.class, Role.ANYONE, (forget, request) -> forget(request.from(),
                        forget.user().map(request::user), forget.confirmed(), request.linkedRegion())));
    }

    /** "vergeet mij", "vergeet mij bevestig", "vergeet @jan", "vergeet @jan bevestig" (English: forget me / confirm). */
    private static Command forget(String arguments) {
        String[] words = arguments.strip().split("\\s+");
        String last = lower(words[words.length - 1]);
        boolean confirmed = Set.of("bevestig", "confirm").contains(last);
        String target = confirmed ? arguments.strip().substring(0, arguments.strip().length() - last.length()).strip()
                : arguments.strip();
        if (Set.of("mij", "me").contains(lower(target))) {
            return new Forget(Optional.empty(), confirmed);
        }
        return UserReference.parseLeading(target).filter(l -> l.rest().isEmpty() && target.contains("@"))
                .<Command>map(l -> new Forget(Optional.of(l.user()), confirmed))
                .orElse(new Misused("usage.forget"));
    }

    /**
     * Everything the bot stores about this person — partnerships, answers, roles, actions — as a
     * readable reply, and the same as a JSON file in their DM.
     */
    public Message myData(ChatUser person) {
        Texts texts = texts(person);
        byte[] json = PersonalData.json(person, repositories, catalog);
        boolean sent = sendDirect.test(person, Message.builder().paragraph(texts.get("privacy.myData.file"))
                .add(new Part.File(json, "mijn-gegevens.json", "application/json", texts.get("privacy.myData.fileDescription")))
                .build());
        Message.Builder message = Message.builder().heading(texts.get("privacy.myData.title"))
                .paragraph(texts.get("privacy.myData.identity", person.platform().key(), person.workspace(), person.userId()));
        List<Region> managed = repositories.regions().managedBy(person);
        if (!managed.isEmpty()) {
            message.paragraph(texts.get("privacy.myData.manager", String.join(", ", managed.stream().map(Region::name).toList())));
        }
        for (Partner partner : repositories.regions().allPartnershipsOf(person)) {
            Region region = repositories.regions().byId(partner.regionId()).orElseThrow();
            message.heading(texts.get("privacy.myData.partnership", region.name(), partner.organisation(), partner.name()));
            repositories.absences().until(partner.id()).ifPresent(until -> message.paragraph(
                    texts.get("privacy.myData.absence", until.toString())));
            for (CheckIn checkIn : repositories.checkIns().ofPartner(partner.id())) {
                addCheckIn(message, checkIn, texts);
            }
            Questionnaire questionnaire = catalog.require(region.questionnaireId());
            ActionMessages actions = new ActionMessages(texts, questionnaire);
            for (Action action : repositories.actions().ofRegion(region.id())) {
                if (action.owner().filter(person::equals).isPresent()) {
                    actions.add(message, action);
                }
            }
        }
        if (!sent) {
            message.paragraph(texts.get("privacy.myData.fileNotSent"));
        }
        return message.paragraph(texts.get("privacy.myData.forget")).build();
    }

    private void addCheckIn(Message.Builder message, CheckIn checkIn, Texts texts) {
        Round round = repositories.rounds().byId(checkIn.roundId()).orElseThrow();
        Questionnaire questionnaire = catalog.require(round.questionnaireId());
        message.paragraph(checkIn.submittedAt().map(at -> texts.get("privacy.myData.roundSubmitted", round.number(),
                        DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(java.time.ZoneOffset.UTC))))
                .orElse(texts.get("privacy.myData.roundOpen", round.number())));
        for (Prompt prompt : questionnaire.prompts()) {
            String text = checkIn.answers().reflections().get(prompt.id());
            if (text != null) {
                message.add(new Part.UserText(Optional.of(prompt.text().in(texts.locale())), text));
            }
        }
        for (Statement statement : questionnaire.statements()) {
            Score score = checkIn.answers().scores().get(statement.element().id());
            if (score != null) {
                message.paragraph(statement.number() + " · " + statement.element().label().in(texts.locale()) + ": "
                        + score.value());
                score.note().ifPresent(note -> message.add(new Part.UserText(Optional.empty(), note)));
            }
        }
    }

    /**
     * "vergeet mij" / "vergeet @naam": without confirmation, explains what will happen and asks;
     * confirmed, forgets. Someone else can only be forgotten by a programme manager of a region
     * that person belongs to.
     */
    public Message forget(ChatUser from, Optional<ChatUser> someone, boolean confirmed, Optional<Region> managersRegion) {
        Texts texts = texts(from);
        ChatUser person = someone.orElse(from);
        if (someone.isPresent() && !mayForget(from, person, managersRegion)) {
            return Message.text(texts.get("privacy.forget.onlyManager"));
        }
        if (repositories.regions().allPartnershipsOf(person).isEmpty() && repositories.regions().managedBy(person).isEmpty()) {
            return Message.text(texts.get("privacy.forget.nothing"));
        }
        if (!confirmed) {
            String who = someone.map(p -> "@" + p.userId()).orElse("");
            return Message.builder()
                    .paragraph(texts.get(someone.isEmpty() ? "privacy.forget.ask" : "privacy.forget.askFor", who))
                    .add(new Part.Actions(List.of(new Part.Choice(FORGET, person.userId(),
                            texts.get("privacy.forget.button")))))
                    .build();
        }
        int forgotten = repositories.forgetting().forget(person);
        LOG.info("privacy: a person was forgotten ({} partnership(s)), asked by {}", forgotten,
                someone.isEmpty() ? "themselves" : "a programme manager");
        return Message.text(texts.get(someone.isEmpty() ? "privacy.forget.done" : "privacy.forget.doneFor",
                "@" + person.userId()));
    }

    private boolean mayForget(ChatUser manager, ChatUser person, Optional<Region> region) {
        return region.filter(r -> repositories.regions().managers(r.id()).contains(manager))
                .filter(r -> repositories.regions().partners(r.id()).stream().anyMatch(p -> p.user().equals(person))
                        || repositories.regions().managers(r.id()).contains(person))
                .isPresent();
    }

    private Texts texts(ChatUser person) {
        return Texts.of(repositories.regions().partnershipsOf(person).stream()
                .flatMap(p -> repositories.regions().byId(p.regionId()).stream())
                .map(Region::language).findFirst().orElse(Region.DUTCH));
    }
}
