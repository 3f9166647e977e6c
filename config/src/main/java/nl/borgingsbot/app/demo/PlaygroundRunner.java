package nl.borgingsbot.app.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import nl.borgingsbot.app.BorgingProperties;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.web.PageTexts;
import nl.borgingsbot.web.Playground;
import nl.borgingsbot.web.PlaygroundServer;
import nl.borgingsbot.web.Scene;

/**
 * The default without credentials: the web playground on the demo script's region (its
 * organisations, its programme manager, and each partner's lines for "laat de andere partners
 * antwoorden"), on its own SQLite file ({@code BORGING_PLAYGROUND_DB}, default
 * {@code ./data/playground.db}), at {@code http://127.0.0.1:8080/} unless
 * {@code BORGING_PLAYGROUND_HOST}/{@code _PORT} say otherwise.
 */
@Component
public class PlaygroundRunner {

    private final BorgingProperties properties;
    private final QuestionnaireCatalog catalog;
    private final ResourceLoader resources;
    private final Clock clock;
    private final Environment environment;

    public PlaygroundRunner(BorgingProperties properties, QuestionnaireCatalog catalog, ResourceLoader resources, Clock clock,
                            Environment environment) {
        this.properties = properties;
        this.catalog = catalog;
        this.resources = resources;
        this.clock = clock;
        this.environment = environment;
    }

    /** Starts the playground and says where; empty (with one to three lines on {@code err}) when it may not start. */
    public Optional<PlaygroundServer> start(PrintStream out, PrintStream err, Locale language) throws IOException {
        PlaygroundServer.Settings settings = new PlaygroundServer.Settings(
                environment.getProperty("borging.playground.host", PlaygroundServer.Settings.DEFAULT_HOST).strip(),
                environment.getProperty("borging.playground.port", Integer.class, PlaygroundServer.Settings.DEFAULT_PORT),
                Optional.ofNullable(environment.getProperty("borging.playground.token")));
        List<String> refusal = settings.refusal(language);
        if (!refusal.isEmpty()) {
            refusal.forEach(err::println);
            return Optional.empty();
        }
        DemoScript script;
        try (Reader reader = new InputStreamReader(resources.getResource(properties.demo().script()).getInputStream(),
                StandardCharsets.UTF_8)) {
            script = DemoScript.parse(reader);
        }
        Path db = Path.of(environment.getProperty("borging.playground.db", "./data/playground.db"));
        Playground playground = new Playground(db, scene(script), catalog, clock);
        PlaygroundServer server = PlaygroundServer.start(settings, playground);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            playground.close();
        }, "playground-stop"));
        out.println(PageTexts.get(language, "start.ready", server.url()));
        return Optional.of(server);
    }

    /** The demo's region: its manager, and each partner with every line the script has them say. */
    static Scene scene(DemoScript script) {
        List<Scene.Person> partners = new ArrayList<>();
        for (Map.Entry<String, DemoScript.Person> person : script.people().entrySet()) {
            if (person.getKey().equals(script.manager())) {
                continue;
            }
            List<String> lines = script.steps().stream().filter(s -> !s.isCommand() && s.actor().equals(person.getKey()))
                    .flatMap(s -> s.lines().stream()).toList();
            partners.add(new Scene.Person(person.getKey(), person.getValue().name(), person.getValue().organisation(), lines));
        }
        DemoScript.Person manager = script.people().get(script.manager());
        return new Scene(script.region(), script.workspace(), script.channel(),
                new Scene.Person(script.manager(), manager.name(), "", List.of()), partners);
    }
}
