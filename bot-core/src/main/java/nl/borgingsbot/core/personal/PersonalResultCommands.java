package nl.borgingsbot.core.personal;

import static nl.borgingsbot.core.command.CommandParser.OFF;
import static nl.borgingsbot.core.command.CommandParser.ON;
import static nl.borgingsbot.core.command.CommandParser.lower;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.Membership;
import nl.borgingsbot.core.command.Role;

/** {@code mijn resultaat [aan|uit]}: a partner's own result again, or switched on or off. */
public final class PersonalResultCommands implements CommandRouter.Feature {

    /** "mijn resultaat": the person's own result of the last closed round again; "uit"/"aan" switches it. */
    public record MyResult(Optional<Boolean> on) implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(
            Entry.of(Set.of("mijn", "my"), Set.of("resultaat", "result"), line -> myResult(line.rest())));

    private final PersonalResults results;
    private final Membership membership;

    public PersonalResultCommands(PersonalResults results, Membership membership) {
        this.results = results;
        this.membership = membership;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(Route.of(MyResult.class, Role.ANYONE, (mine, request) -> results.handle(mine.on(),
                request.linkedRegion(), request.linkedRegion().flatMap(r -> membership.partner(r, request.from())),
                request.from())));
    }

    /** "mijn resultaat", "mijn resultaat uit", "mijn resultaat aan" (English: my result [off|on]). */
    private static Command myResult(String[] rest) {
        if (rest.length == 1) {
            return new MyResult(Optional.empty());
        }
        String word = rest.length == 2 ? lower(rest[1]) : "";
        return ON.contains(word) ? new MyResult(Optional.of(true))
                : OFF.contains(word) ? new MyResult(Optional.of(false))
                : new Misused("usage.myResult");
    }
}
