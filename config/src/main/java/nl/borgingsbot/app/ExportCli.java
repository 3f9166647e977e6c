package nl.borgingsbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.export.CsvExport;
import nl.borgingsbot.core.export.ExcelExport;
import nl.borgingsbot.core.export.Exports;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.national.NationalFigures;
import nl.borgingsbot.core.national.NationalOverview;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Region;

/**
 * {@code java -jar borgingsbot.jar export --regio <naam> [--ronde <nr>] --out <bestand.xlsx|.csv>}:
 * the export of a closed round on the server, without a chat platform (none is started);
 * {@code export --landelijk --out <bestand.xlsx>}: the programme office's national overview.
 * Other {@code --borging.…} arguments (e.g. the database URL) pass on to the application.
 */
final class ExportCli {

    static final int OK = 0;
    static final int NOTHING_TO_EXPORT = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT =
            "Gebruik: java -jar borgingsbot.jar export --regio <naam> [--ronde <nr>] --out <bestand.xlsx of .csv>\n"
            + "     of: java -jar borgingsbot.jar export --landelijk --out <bestand.xlsx>";

    private ExportCli() {
    }

    /** Runs the export; the exit code says how it went, the message what to do. */
    static int run(String[] args, PrintStream out) throws IOException {
        Optional<String> region = Optional.empty();
        Optional<Integer> round = Optional.empty();
        Optional<Path> file = Optional.empty();
        boolean national = false;
        List<String> application = new ArrayList<>(List.of("--borging.platforms.enabled=false"));
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if (arg.equals("--landelijk")) {
                national = true;
            } else if (arg.equals("--regio") && hasValue) {
                region = Optional.of(args[++i]);
            } else if (arg.equals("--ronde") && hasValue && args[i + 1].matches("\\d{1,4}")) {
                round = Optional.of(Integer.parseInt(args[++i]));
            } else if (arg.equals("--out") && hasValue) {
                file = Optional.of(Path.of(args[++i]));
            } else if (arg.startsWith("--borging.") || arg.startsWith("--logging.")) {
                application.add(arg);
            } else {
                out.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (file.isEmpty() || national == region.isPresent()) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        SpringApplication app = new SpringApplication(BorgingsbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run(application.toArray(new String[0]))) {
            Repositories repositories = context.getBean(Repositories.class);
            if (national) {
                NationalOverview overview = new NationalOverview(new NationalFigures(repositories,
                        context.getBean(Borgingsbot.class).rounds(), context.getBean(Clock.class)), repositories,
                        context.getBean(QuestionnaireCatalog.class));
                NationalOverview.Overview computed = overview.compute();
                Files.write(file.get(), overview.xlsx(computed, Texts.of(Region.DUTCH)));
                out.println("Geschreven: " + file.get() + " (landelijk overzicht: " + computed.regions().size()
                        + " regio's, " + computed.picture().regions().size() + " in het landelijk beeld, "
                        + computed.silent().size() + " stil).");
                return OK;
            }
            Optional<Region> found = repositories.regions().byName(region.get());
            if (found.isEmpty()) {
                out.println("Regio '" + region.get() + "' bestaat niet. Regio's: " + String.join(", ",
                        repositories.regions().all().stream().map(Region::name).toList()));
                return NOTHING_TO_EXPORT;
            }
            Exports exports = new Exports(repositories, context.getBean(Borgingsbot.class).rounds());
            Optional<ExcelExport.Input> input = exports.of(found.get(), round);
            if (input.isEmpty()) {
                out.println(round.map(n -> "Regio " + found.get().name() + " heeft geen gesloten ronde " + n + ".")
                        .orElse("Regio " + found.get().name() + " heeft nog geen gesloten ronde."));
                return NOTHING_TO_EXPORT;
            }
            boolean csv = file.get().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            Files.write(file.get(), csv ? new CsvExport().csv(input.get().report()) : new ExcelExport().xlsx(input.get()));
            out.println("Geschreven: " + file.get() + " (regio " + found.get().name() + ", ronde "
                    + input.get().report().round().number() + ").");
            return OK;
        }
    }
}
