package nl.borgingsbot.core.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;

/** {@code help}, and the explanation of a known command word used the wrong way. */
public final class CoreCommands implements CommandRouter.Feature {

    public record Help() implements Command {
    }

    /** A known command word used the wrong way: {@code usageKey} names the bundle text that explains it. */
    public record Misused(String usageKey) implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(Entry.of(Set.of("help", "hulp", "?"), line -> new Help()));

    private final Membership membership;
    private final Administrators admins;

    public CoreCommands(Membership membership, Administrators admins) {
        this.membership = membership;
        this.admins = admins;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(
                Route.of(Help.class, Role.ANYONE, (help, request) -> help(request)),
                Route.of(Misused.class, Role.ANYONE, (misused, request) -> Message.text(request.texts().get(misused.usageKey()))));
    }

    private Message help(Request request) {
        Texts texts = request.texts();
        Message.Builder message = Message.builder().heading(texts.get("help.title"))
                .paragraph(texts.get("help.partner"))
                .paragraph(texts.get("help.personalResult"));
        Optional<Region> region = request.linkedRegion();
        if (region.isPresent() && membership.isManager(region.get(), request.from())) {
            message.paragraph(texts.get("help.manager")).paragraph(texts.get("national.help.manager"));
        }
        if (admins.contains(request.from())) {
            message.paragraph(texts.get("help.admin")).paragraph(texts.get("national.help.admin"));
        }
        return message.build();
    }
}
