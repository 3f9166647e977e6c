package nl.borgingsbot.core.export;

import static nl.borgingsbot.core.command.CommandParser.lower;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.command.Command;
import nl.borgingsbot.core.command.CommandParser.Entry;
import nl.borgingsbot.core.command.CommandRouter;
import nl.borgingsbot.core.command.CommandRouter.Route;
import nl.borgingsbot.core.command.CoreCommands.Misused;
import nl.borgingsbot.core.command.Role;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;

/** {@code export [ronde] [csv]}: a programme manager gets a closed round as an Excel (or CSV) file in their DM. */
public final class ExportCommands implements CommandRouter.Feature {

    /** "export [ronde] [csv]": the round as an Excel (or CSV) file in the programme manager's DM. */
    public record Export(Optional<Integer> round, boolean csv) implements Command {
    }

    public static final List<Entry> ENTRIES = List.of(Entry.of(Set.of("export"), line -> export(line.rest())));

    private final Exports exports;
    private final BiPredicate<ChatUser, Message> sendDirect;

    /** @param sendDirect sends a DM, true when delivered (the file goes to the programme manager's DM) */
    public ExportCommands(Exports exports, BiPredicate<ChatUser, Message> sendDirect) {
        this.exports = exports;
        this.sendDirect = sendDirect;
    }

    @Override
    public List<Route<?>> routes() {
        return List.of(Route.of(Export.class, Role.MANAGER,
                (export, request) -> export(request.region(), request.texts(), request.from(), export)));
    }

    /** "export", "export 3", "export csv", "export 3 csv". */
    private static Command export(String[] rest) {
        Optional<Integer> round = Optional.empty();
        boolean csv = false;
        for (String word : rest) {
            if (word.matches("\\d{1,4}") && round.isEmpty()) {
                round = Optional.of(Integer.parseInt(word));
            } else if (lower(word).equals("csv") && !csv) {
                csv = true;
            } else if (!lower(word).equals("xlsx")) {
                return new Misused("usage.export");
            }
        }
        return new Export(round, csv);
    }

    /** The export goes to the programme manager's DM as a file (a command's own reply may not hold one). */
    private Message export(Region region, Texts texts, ChatUser from, Export export) {
        Optional<ExcelExport.Input> input = exports.of(region, export.round());
        if (input.isEmpty()) {
            return Message.text(export.round().map(n -> texts.get("export.noSuchRound", n, region.name()))
                    .orElse(texts.get("round.noReport", region.name())));
        }
        int number = input.get().report().round().number();
        String name = "borging-" + region.name().replaceAll("[^\\p{L}\\p{N}]+", "-") + "-ronde-" + number;
        Part.File file = export.csv()
                ? new Part.File(new CsvExport().csv(input.get().report()), name + ".csv", "text/csv",
                        texts.get("export.fileDescription.csv"))
                : new Part.File(new ExcelExport().xlsx(input.get()), name + ".xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        texts.get("export.fileDescription.xlsx"));
        Message dm = Message.builder().paragraph(texts.get("export.dm", number, region.name())).add(file).build();
        return Message.text(texts.get(sendDirect.test(from, dm) ? "export.sent" : "export.notDelivered",
                number, region.name()));
    }
}
