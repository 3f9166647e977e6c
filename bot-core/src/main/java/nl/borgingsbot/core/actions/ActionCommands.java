package nl.borgingsbot.core.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.checkin.Notice;
import nl.borgingsbot.core.checkin.TextInput;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.DeadlineParser;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;

/**
 * The {@code actie} and {@code acties} commands: anyone in the region (programme managers and
 * partners) records, lists and updates improvement actions. Bad input — an unknown element, a
 * date in the past, an owner outside the region — is explained and nothing is stored.
 */
public final class ActionCommands {

    private final ActionRepository actions;
    private final RegionRepository regions;
    private final Clock clock;

    public ActionCommands(ActionRepository actions, RegionRepository regions, Clock clock) {
        this.actions = actions;
        this.regions = regions;
        this.clock = clock;
    }

    public Message handle(Command command, Region region, Questionnaire questionnaire, ChatUser from) {
        Texts texts = Texts.of(region.language());
        ActionMessages messages = new ActionMessages(texts, questionnaire);
        if (command instanceof Command.ListActions) {
            return messages.list(region.name(), actions.ofRegion(region.id()));
        }
        if (command instanceof Command.UpdateAction update) {
            return update(region, update, texts);
        }
        return record(region, questionnaire, (Command.RecordAction) command, from, texts, messages);
    }

    private Message record(Region region, Questionnaire questionnaire, Command.RecordAction record, ChatUser from,
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

    private Message update(Region region, Command.UpdateAction update, Texts texts) {
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
