package nl.borgingsbot.web;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.QuestionnaireLoader;

/**
 * The playground as the application starts it, for the tests: a real SQLite file, the shipped
 * questionnaires, a region of a manager and four partners, served over real HTTP on a free port.
 */
final class PlaygroundFixture implements AutoCloseable {

    static final String XSS = "<img src=x onerror=alert(1)>";

    final Path dbFile;
    final Playground playground;
    final PlaygroundServer server;
    final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();

    PlaygroundFixture(Path dbFile, Optional<String> token) throws IOException {
        this.dbFile = dbFile;
        this.playground = new Playground(dbFile, scene(), catalog(), Clock.systemUTC());
        this.server = PlaygroundServer.start(new PlaygroundServer.Settings("127.0.0.1", 0, token), playground);
    }

    static Scene scene() {
        return new Scene("Speelregio", "T0WEB", "C0WEB", new Scene.Person("pm", "Priya", "", List.of()), List.of(
                partner("anna", "Anna", "Vmbo De Brug", "4"),
                partner("bram", "Bram", "Technisch College", "[3]"),
                partner("carla", "Carla", "Installatiebedrijf", "2"),
                partner("daan", "Daan", "Basisschool", "[5]")));
    }

    /** A partner whose script answers every statement with {@code score} (typed, or "[n]" clicked). */
    static Scene.Person partner(String id, String name, String organisation, String score) {
        List<String> script = new ArrayList<>(List.of(score.startsWith("[") ? "[Start]" : "start",
                "Denken " + name, "Zien " + name, "Vragen " + name));
        for (int i = 0; i < 7; i++) {
            script.add(score);
        }
        script.add(score.startsWith("[") ? "[Versturen]" : "versturen");
        return new Scene.Person(id, name, organisation, script);
    }

    static QuestionnaireCatalog catalog() throws IOException {
        List<nl.borgingsbot.core.questionnaire.Questionnaire> all = new ArrayList<>();
        for (String id : List.of("sto-borging", "samenwerking")) {
            Path file = Path.of("..", "config", "questionnaires", id + ".yml");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                all.add(QuestionnaireLoader.parse(file.getFileName().toString(), reader));
            }
        }
        return QuestionnaireCatalog.of(all);
    }

    String url() {
        return server.url();
    }

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode state() throws Exception {
        HttpResponse<String> response = get("api/state");
        if (response.statusCode() != 200) {
            throw new AssertionError("state: " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    /** The entries of a conversation ({@code channel}, {@code dm:anna}). */
    List<JsonNode> entries(String conversation) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        state().get("entries").forEach(e -> {
            if (e.get("conversation").asString().equals(conversation)) {
                found.add(e);
            }
        });
        return found;
    }

    /** Waits (at most a minute) until the conversation has an entry that matches. */
    JsonNode await(String conversation, Predicate<JsonNode> match) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(until)) {
            for (JsonNode entry : entries(conversation)) {
                if (match.test(entry)) {
                    return entry;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing like that in " + conversation + ": " + entries(conversation));
    }

    static boolean says(JsonNode entry, String text) {
        return entry.toString().contains(text);
    }

    static Optional<JsonNode> button(JsonNode entry, String label) {
        for (JsonNode part : entry.get("parts")) {
            if (part.has("choices")) {
                for (JsonNode choice : part.get("choices")) {
                    if (choice.get("label").asString().startsWith(label)) {
                        return Optional.of(choice);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.close();
        playground.close();
    }
}
