package nl.borgingsbot.app.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import nl.borgingsbot.app.BorgingProperties;
import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.InboundEvent;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.export.ExcelExport;
import nl.borgingsbot.core.export.Exports;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.national.NationalFigures;
import nl.borgingsbot.core.national.NationalOverview;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Administrators;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The embedded default: with no chat platform configured, runs a scripted round through the real
 * engine and a real SQLite file, shows every exchange on the console, and writes the radar
 * chart and the report to {@code data/demo/}.
 */
@Component
public class DemoRunner {

    /** Where the demo left its files. */
    public record Result(Path radar, Path report, Path workbook, Path database) {
    }

    private final BorgingProperties properties;
    private final QuestionnaireCatalog catalog;
    private final ResourceLoader resources;
    private final Clock clock;
    private final Telemetry telemetry;

    public DemoRunner(BorgingProperties properties, QuestionnaireCatalog catalog, ResourceLoader resources, Clock clock,
                      Telemetry telemetry) {
        this.properties = properties;
        this.catalog = catalog;
        this.resources = resources;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    public Result run(PrintStream out) throws IOException {
        DemoScript script;
        try (Reader reader = new InputStreamReader(resources.getResource(properties.demo().script()).getInputStream(),
                StandardCharsets.UTF_8)) {
            script = DemoScript.parse(reader);
        }
        Path dir = Path.of(properties.demo().output());
        Files.createDirectories(dir);
        Path dbFile = dir.resolve("demo.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(dbFile + suffix));
        }
        out.println("Borgingsbot demo: geen Slack- of Teams-gegevens ingesteld, dus ik speel een voorbeeldronde");
        out.println("met vijf partners na, via de echte check-in en een echte SQLite-database (" + dbFile + ").");

        Map<String, String> names = new LinkedHashMap<>();
        script.people().forEach((id, person) -> names.put(id, person.name()));
        ConsoleGateway console = new ConsoleGateway(out, names);
        ChatChannel channel = new ChatChannel(ConsoleGateway.PLATFORM, script.workspace(), script.channel());
        try (Database database = Database.open("jdbc:sqlite:" + dbFile, "", "");
             Borgingsbot bot = new Borgingsbot(database.repositories(), catalog, new Gateways(List.of(console)),
                     Administrators.parse("demo:" + script.manager(), Platforms.of(ConsoleGateway.PLATFORM)), clock,
                     Borgingsbot.Settings.defaults().withTelemetry(telemetry))) {
            int sharing = DemoRegions.seed(database.repositories(), catalog.require(Region.DEFAULT_QUESTIONNAIRE),
                    script.workspace(), clock.instant());
            out.println("Vooraf staan er " + sharing + " andere demo-regio's met een gesloten ronde in de database die hun"
                    + " gemiddelden delen, zodat het rapport de regio naast het landelijk beeld kan zetten.");
            int number = 0;
            for (DemoScript.Step step : script.steps()) {
                number++;
                out.println();
                out.println("[stap " + number + "/" + script.steps().size() + "] " + describe(step, names));
                ChatUser user = new ChatUser(ConsoleGateway.PLATFORM, script.workspace(), step.actor());
                if (step.isCommand()) {
                    console.typed(step.actor(), " in #regiokanaal", step.command());
                    reply(console, step.actor(), bot.handle(new InboundEvent.Command(user, Optional.of(channel), step.command())));
                    continue;
                }
                for (String line : step.lines()) {
                    console.typed(step.actor(), "", line);
                    reply(console, step.actor(), bot.handle(event(user, line, console.lastMessageTo(step.actor()))));
                }
            }
            Path workbook = dir.resolve("borging.xlsx");
            Region region = database.repositories().regions().byName(script.region()).orElseThrow(
                    () -> new IllegalStateException("the demo script did not link region " + script.region()));
            ExcelExport.Input export = new Exports(database.repositories().rounds(), database.repositories().actions(), bot.reports()).of(region, Optional.empty())
                    .orElseThrow(() -> new IllegalStateException("the demo round was not closed"));
            Files.write(workbook, new ExcelExport().xlsx(export));
            NationalOverview national = new NationalOverview(new NationalFigures(database.repositories().regions(),
                    database.repositories().rounds(), database.repositories().consents(), bot.reports(), clock),
                    database.repositories().regions(), database.repositories().consents(), catalog);
            Files.write(dir.resolve("landelijk.xlsx"), national.xlsx(national.compute(), Texts.of(Region.DUTCH)));
            return writeFiles(console, dir, workbook, dbFile, out,
                    List.of(Texts.of(region.language()).get("report.thread")));
        }
    }

    private static String describe(DemoScript.Step step, Map<String, String> names) {
        String who = names.getOrDefault(step.actor(), step.actor());
        return step.isCommand() ? who + " typt in het regiokanaal: " + step.command()
                : who + " beantwoordt de check-in in het privégesprek (" + step.lines().size() + " berichten)";
    }

    /** A typed line, or "[label]": pressing the button with that label in the bot's last message. */
    private static InboundEvent event(ChatUser user, String line, Message last) {
        if (line.startsWith("[") && line.endsWith("]") && last != null) {
            String label = line.substring(1, line.length() - 1);
            Optional<Part.Choice> choice = last.parts().stream()
                    .flatMap(p -> p instanceof Part.ChoiceQuestion q ? q.choices().stream()
                            : p instanceof Part.Actions a ? a.buttons().stream() : Stream.empty())
                    .filter(c -> c.label().startsWith(label))
                    .findFirst();
            if (choice.isPresent()) {
                return new InboundEvent.ChoiceMade(user, Optional.empty(), choice.get().actionId(), choice.get().value(),
                        Optional.empty());
            }
        }
        return new InboundEvent.TextReply(user, Optional.empty(), line);
    }

    private static void reply(ConsoleGateway console, String userId, List<Message> replies) {
        replies.forEach(message -> console.replyTo(userId, message));
    }

    /** @param chatOnly paragraphs of the report that only make sense in the chat, left out of report.md */
    private static Result writeFiles(ConsoleGateway console, Path dir, Path workbook, Path dbFile, PrintStream out,
                                     List<String> chatOnly) throws IOException {
        if (console.posts().isEmpty()) {
            throw new IllegalStateException("the demo round ended without a report in the channel");
        }
        ConsoleGateway.Posted report = console.posts().get(console.posts().size() - 1);
        Path radar = dir.resolve("radar.png");
        Part.Image image = report.message().image()
                .orElseThrow(() -> new IllegalStateException("the demo report has no radar chart"));
        Files.write(radar, image.png());
        ReportMarkdown markdown = new ReportMarkdown(i -> "![" + i.altText() + "](radar.png)", chatOnly);
        Path reportFile = dir.resolve("report.md");
        Files.writeString(reportFile, markdown.render(report.message(), report.thread()), StandardCharsets.UTF_8);
        out.println();
        out.println("Klaar. Geschreven: " + radar + " (radardiagram), " + reportFile + " (rapport), " + workbook
                + " (Excel, met de radargrafiek) en " + dir.resolve("landelijk.xlsx") + " (het landelijk overzicht).");
        return new Result(radar, reportFile, workbook, dbFile);
    }
}
