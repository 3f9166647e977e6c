package nl.borgingsbot.core.actions;

import static nl.borgingsbot.core.command.CommandParser.afterWords;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Mention;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Notice;
import nl.borgingsbot.core.i18n.TextInput;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.DeadlineParser;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.command.UserReference;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;

/**
 * The {@code actie} and {@code acties} commands: anyone in the region (programme managers and
 * partners) records, lists and updates improvement actions. Bad input — an unknown element, a
 * date in the past, an owner outside the region — is explained and nothing is stored.
 */
public final class ActionCommands implements CommandRouter.Feature {

    /** "actie &lt;element&gt; &lt;tekst&gt; [eigenaar] [datum]". */
    public record RecordAction(String element, String text, Optional<UserReference> owner, Optional<String> due)
            implements Command {
    }

    /** "actie &lt;nr&gt; klaar|bezig|gestopt [toelichting]". */
    public record UpdateAction(int number, ActionStatus status, Optional<String> note) implements Command {
    }

    public record ListActions() implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("acties", "actions"), line -> new ListActions()),
            Entry.of(Set.of("actie", "action"), line -> action(line.rest(), line.after(1))));

    private final ActionRepository actions;
    private final RegionRepository regions;
    private final QuestionnaireCatalog catalog;
    private final Clock clock;

    public ActionCommands(ActionRepository actions, RegionRepository regions, QuestionnaireCatalog catalog, Clock clock) {
        this.actions = actions;
        this.regions = regions;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(Route.of(ListActions.class, Role.PARTNER, (list, request) -> handle(list, request.region(), request.from())),
                Route.of(RecordAction.class, Role.PARTNER, (record, request) -> handle(record, request.region(), request.from())),
                Route.of(UpdateAction.class, Role.PARTNER, (update, request) -> handle(update, request.region(), request.from())));
    }

    private Message handle(Command command, Region region, ChatUser from) {
        Questionnaire questionnaire = catalog.require(region.questionnaireId());
        Texts texts = Texts.of(region.language());
        ActionMessages messages = new ActionMessages(texts, questionnaire);
        if (command instanceof ListActions) {
            return messages.list(region.name(), actions.ofRegion(region.id()));
        }
        if (command instanceof UpdateAction update) {
            return update(region, update, texts);
        }
        return record(region, questionnaire, (RecordAction) command, from, texts, messages);
    }

    /**
     * "actie 3 klaar omdat …" updates action 3; anything else records one: "actie &lt;element&gt;
     * &lt;tekst&gt; [eigenaar] [datum]", read from the end — a date (one to three words), then a mention.
     */
    private static Command action(String[] rest, String arguments) {
        if (rest.length >= 2 && rest[0].matches("\\d{1,4}")) {
            Optional<ActionStatus> status = ActionStatus.parse(rest[1]);
            if (status.isPresent()) {
                String note = afterWords(arguments, 2);
                return new UpdateAction(Integer.parseInt(rest[0]), status.get(),
                        note.isEmpty() ? Optional.empty() : Optional.of(note));
            }
        }
        if (rest.length < 2) {
            return new Misused("usage.action");
        }
        // a mention's name part may hold spaces ("@{U1|Anna de Vries}"); only the id matters here
        String flat = Mention.replaceAll(arguments, Mention.FORM, match -> Mention.of(match.group(1)));
        List<String> words = new ArrayList<>(Arrays.asList(flat.split("\\s+")));
        String element = words.remove(0);
        Optional<String> due = Optional.empty();
        for (int count = Math.min(3, words.size() - 1); count >= 1 && due.isEmpty(); count--) {
            String tail = String.join(" ", words.subList(words.size() - count, words.size()));
            if (DeadlineParser.parse(tail, ZoneOffset.UTC).isPresent()) {
                due = Optional.of(tail);
                words.subList(words.size() - count, words.size()).clear();
            }
        }
        Optional<UserReference> owner = Optional.empty();
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        if (words.size() > 1 && last.startsWith("@")) {
            owner = UserReference.parse(last);
            words.remove(words.size() - 1);
        }
        String text = String.join(" ", words).strip();
        return text.isEmpty() ? new Misused("usage.action") : new RecordAction(element, text, owner, due);
    }

    private Message record(Region region, Questionnaire questionnaire, RecordAction record, ChatUser from,
                           Texts texts, ActionMessages messages) {
        Optional<Statement> statement = element(questionnaire, record.element());
        if (statement.isEmpty()) {
            return Message.text(texts.get("action.unknownElement", record.element(), questionnaire.statements().stream()
                    .map(s -> s.number() + " " + s.element().label().in(region.language()))
                    .collect(Collectors.joining(", "))));
        }
        String text = TextInput.clean(record.text());
        Optional<Notice> problem = TextInput.problem(text);
        if (problem.isPresent()) {
            return Message.text(texts.get(problem.get().key(), problem.get().args().toArray()));
        }
        Optional<ChatUser> owner = record.owner().map(o -> new ChatUser(from.platform(), from.workspace(), o.userId()));
        if (owner.isPresent() && !inRegion(region, owner.get())) {
            return Message.text(texts.get("action.ownerNotInRegion", "@" + owner.get().userId(), region.name()));
        }
        Optional<LocalDate> due = Optional.empty();
        if (record.due().isPresent()) {
            due = DeadlineParser.parse(record.due().get(), region.timeZone()).map(d -> d.toLocalDate());
            LocalDate today = clock.instant().atZone(region.timeZone()).toLocalDate();
            if (due.isEmpty() || due.get().isBefore(today)) {
                return Message.text(texts.get("action.duePast", record.due().get()));
            }
        }
        Action action = actions.create(region.id(), statement.get().element().id(), text, owner, due, clock.instant());
        Message.Builder reply = Message.builder().paragraph(texts.get("action.recorded", action.number()));
        messages.add(reply, action);
        return reply.build();
    }

    private Message update(Region region, UpdateAction update, Texts texts) {
        Optional<Action> action = actions.byNumber(region.id(), update.number());
        if (action.isEmpty()) {
            return Message.text(texts.get("action.notFound", update.number(), region.name()));
        }
        Optional<String> note = update.note().map(TextInput::clean).filter(n -> !n.isEmpty());
        Optional<Notice> problem = note.flatMap(TextInput::problem);
        if (problem.isPresent()) {
            return Message.text(texts.get(problem.get().key(), problem.get().args().toArray()));
        }
        actions.update(action.get().id(), update.status(), note, clock.instant());
        return Message.text(texts.get("action.updated", update.number(), texts.get(update.status().textKey())));
    }

    /** By number (1–7), element id ("structuur") or the start of its label ("Inzicht"), when that is unambiguous. */
    static Optional<Statement> element(Questionnaire questionnaire, String reference) {
        String wanted = reference.strip().toLowerCase(Locale.ROOT);
        Optional<Statement> exact = questionnaire.statements().stream()
                .filter(s -> String.valueOf(s.number()).equals(wanted) || s.element().id().equals(wanted))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        var byLabel = questionnaire.statements().stream()
                .filter(s -> s.element().label().dutch().toLowerCase(Locale.ROOT).startsWith(wanted)
                        || s.element().label().in(Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(wanted))
                .toList();
        return byLabel.size() == 1 ? Optional.of(byLabel.get(0)) : Optional.empty(); // ambiguous: ask again
    }

    private boolean inRegion(Region region, ChatUser user) {
        return regions.managers(region.id()).contains(user)
                || regions.partners(region.id()).stream().anyMatch(p -> p.user().equals(user));
    }
}
