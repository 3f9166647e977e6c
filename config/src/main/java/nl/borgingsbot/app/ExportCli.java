package nl.borgingsbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.export.CsvExport;
import nl.borgingsbot.core.export.ExcelExport;
import nl.borgingsbot.core.export.Exports;
import nl.borgingsbot.core.i18n.Refusal;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.national.NationalFigures;
import nl.borgingsbot.core.national.NationalOverview;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.store.Database;

/**
 * {@code java -jar borgingsbot.jar export --regio <naam> [--ronde <nr>] --out <bestand.xlsx|.csv>}:
 * the export of a closed round on the server, without a chat platform (none is started);
 * {@code export --landelijk --out <bestand.xlsx>}: the programme office's national overview.
 * Other {@code --borging.…} arguments (e.g. the database URL) pass on to the application.
 *
 * <p>{@code --out} is checked before anything is opened: only {@code .xlsx} or {@code .csv}, in a
 * folder that exists, not a folder itself. Without {@code BORGING_DB_URL} the export reads the
 * bot's database ({@code ./data/borgingsbot.db}) and, for a region that is not there, the demo's
 * ({@code ./data/demo/demo.db}), saying so: right after the demo the README's example works as
 * written. A database file that does not exist is never created by an export.
 */
final class ExportCli {

    static final int OK = Startup.OK;
    static final int NOTHING_TO_EXPORT = Startup.NOTHING_TO_EXPORT;
    static final int USAGE = Startup.BAD_CONFIGURATION;

    /** An export of one region's round, or ({@code region} empty) the national overview. */
    private record Request(Optional<String> region, Optional<Integer> round, Path file, List<String> application) {

        boolean national() {
            return region.isEmpty();
        }

        String regionName() {
            return region.orElse("");
        }
    }

    /** How one database answered. */
    private record Outcome(int code, String message, boolean noSuchRegion) {
    }

    private ExportCli() {
    }

    /** Runs the export; the exit code says how it went, the message what to do. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        ConfigurableEnvironment environment = Startup.environment(rest);
        Texts texts;
        try {
            texts = Startup.texts(environment);
        } catch (Refusal refusal) {
            return Startup.failed(refusal, Texts.of(Locale.forLanguageTag("nl")), err, "export.cli.failed");
        }
        Optional<Request> request = request(rest);
        if (request.isEmpty()) {
            err.println(texts.get("export.cli.usage"));
            return USAGE;
        }
        try {
            checkOut(request.get().file(), request.get().national());
            String url = environment.getProperty("borging.db.url", "").strip();
            Outcome outcome = url.isEmpty() ? exportFromDefaultOrDemo(request.get(), environment, texts, out)
                    : export(request.get(), url, texts);
            (outcome.code() == OK ? out : err).println(outcome.message());
            return outcome.code();
        } catch (Exception | LinkageError e) {
            return Startup.failed(e, texts, err, "export.cli.failed");
        }
    }

    private static Optional<Request> request(String[] args) {
        Optional<String> region = Optional.empty();
        Optional<Integer> round = Optional.empty();
        Optional<Path> file = Optional.empty();
        boolean national = false;
        List<String> application = new ArrayList<>(List.of("--borging.platforms.enabled=false"));
        for (int i = 0; i < args.length; i++) {
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
            } else if (arg.startsWith("--borging.db.url=")) {
                continue; // the database is chosen in run(), and given once
            } else if (arg.startsWith("--borging.") || arg.startsWith("--logging.")) {
                application.add(arg);
            } else {
                return Optional.empty();
            }
        }
        if (file.isEmpty() || national == region.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Request(region, round, file.get(), application));
    }

    /** Refuses an {@code --out} the export cannot or should not write, before anything is opened. */
    private static void checkOut(Path file, boolean national) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file)) {
            throw new Refusal("export.cli.isDirectory", file, file.resolve("borging.xlsx"));
        }
        if (!name.endsWith(".xlsx") && (national || !name.endsWith(".csv"))) {
            throw new Refusal("export.cli.extension", file);
        }
        Path folder = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("/"));
        if (!Files.isDirectory(folder)) {
            throw new Refusal("export.cli.noDirectory", file, Optional.ofNullable(file.getParent()).orElse(folder));
        }
        if (!Files.isWritable(folder) || Files.exists(file) && !Files.isWritable(file)) {
            throw new Refusal("export.cli.notWritable", file, "AccessDeniedException");
        }
    }

    /**
     * Without a database setting: the bot's default file if it exists (an export never creates
     * it), and for a region that is not there the demo's file, saying so.
     */
    private static Outcome exportFromDefaultOrDemo(Request request, ConfigurableEnvironment environment, Texts texts,
                                                   PrintStream out) throws IOException {
        Path main = Path.of(path(Database.DEFAULT_URL));
        Path demo = Path.of(environment.getProperty("borging.demo.output", "./data/demo")).resolve("demo.db");
        Outcome outcome = Files.isRegularFile(main) ? export(request, Database.DEFAULT_URL, texts)
                : new Outcome(NOTHING_TO_EXPORT, texts.get("export.cli.noRegion", request.regionName(),
                        texts.get("export.cli.noRegions")), true);
        if (outcome.noSuchRegion() && Files.isRegularFile(demo)) {
            Outcome fromDemo = export(request, "jdbc:sqlite:" + demo, texts);
            if (!fromDemo.noSuchRegion()) {
                out.println(texts.get("export.cli.fromDemo", request.regionName(), main, demo));
                return fromDemo;
            }
        }
        return outcome;
    }

    private static String path(String sqliteUrl) {
        return sqliteUrl.replaceFirst("^jdbc:sqlite:", "");
    }

    private static Outcome export(Request request, String url, Texts texts) throws IOException {
        SpringApplication app = Startup.application(false);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>(request.application());
        args.add("--borging.db.url=" + url);
        try (ConfigurableApplicationContext context = app.run(args.toArray(new String[0]))) {
            Repositories repositories = context.getBean(Repositories.class);
            if (request.national()) {
                return national(context, repositories, request.file(), texts);
            }
            Optional<Region> found = repositories.regions().byName(request.regionName());
            if (found.isEmpty()) {
                List<String> regions = repositories.regions().all().stream().map(Region::name).toList();
                return new Outcome(NOTHING_TO_EXPORT, texts.get("export.cli.noRegion", request.regionName(),
                        regions.isEmpty() ? texts.get("export.cli.noRegions") : String.join(", ", regions)), true);
            }
            Region region = found.get();
            Exports exports = new Exports(repositories.rounds(), repositories.actions(), context.getBean(Borgingsbot.class).reports());
            Optional<ExcelExport.Input> input = exports.of(region, request.round());
            if (input.isEmpty()) {
                return new Outcome(NOTHING_TO_EXPORT, request.round()
                        .map(n -> texts.get("export.cli.noSuchRound", region.name(), n))
                        .orElse(texts.get("export.cli.noClosedRound", region.name())), false);
            }
            Path file = request.file();
            boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
            try {
                Files.write(file, csv ? new CsvExport().csv(input.get().report()) : new ExcelExport().xlsx(input.get()));
            } catch (IOException e) {
                throw new Refusal("export.cli.notWritable", file, e.getClass().getSimpleName());
            }
            return new Outcome(OK, texts.get("export.cli.written", file, region.name(),
                    input.get().report().round().number()), false);
        }
    }

    /** The programme office's overview of every region (names only of those that share). */
    private static Outcome national(ConfigurableApplicationContext context, Repositories repositories, Path file,
                                    Texts texts) {
        NationalOverview overview = new NationalOverview(new NationalFigures(repositories.regions(),
                repositories.rounds(), repositories.consents(), context.getBean(Borgingsbot.class).reports(),
                context.getBean(Clock.class)), repositories.regions(), repositories.consents(),
                context.getBean(QuestionnaireCatalog.class));
        NationalOverview.Overview computed = overview.compute();
        try {
            Files.write(file, overview.xlsx(computed, texts));
        } catch (IOException e) {
            throw new Refusal("export.cli.notWritable", file, e.getClass().getSimpleName());
        }
        return new Outcome(OK, texts.get("export.cli.writtenNational", file, computed.regions().size(),
                computed.picture().regions().size(), computed.silent().size()), false);
    }
}
