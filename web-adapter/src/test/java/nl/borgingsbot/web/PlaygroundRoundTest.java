package nl.borgingsbot.web;

import static nl.borgingsbot.web.PlaygroundFixture.button;
import static nl.borgingsbot.web.PlaygroundFixture.says;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * A whole round on the playground over real HTTP, through the core, on a real SQLite file: the
 * manager starts it in the channel, one partner clicks, one types, the others answer from their
 * scripts, the manager closes it; the radar in the channel and the reflections in its thread.
 */
class PlaygroundRoundTest {

    @TempDir
    Path dir;

    private static String json(String... pairs) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":")
                    .append(pairs[i + 1].matches("-?\\d+") ? pairs[i + 1]
                            : '"' + pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return out.append('}').toString();
    }

    private static void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private void click(PlaygroundFixture web, String as, JsonNode entry, String label) throws Exception {
        JsonNode choice = button(entry, label).orElseThrow(() -> new AssertionError("no " + label + " in " + entry));
        accepted(web.post("api/click", json("as", as, "entry", entry.get("id").asString(),
                "actionId", choice.get("actionId").asString(), "value", choice.get("value").asString())));
    }

    @Test
    void aWholeRoundInThePlaygroundFromStartToTheReportWithItsThread() throws Exception {
        try (PlaygroundFixture web = new PlaygroundFixture(dir.resolve("playground.db"), Optional.empty())) {
            // the live stream: the page hears of every message
            BlockingQueue<String> stream = new LinkedBlockingQueue<>();
            HttpResponse<InputStream> events = web.http.send(HttpRequest.newBuilder(URI.create(web.url() + "api/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> {
                try {
                    new java.io.BufferedReader(new java.io.InputStreamReader(events.body(),
                            java.nio.charset.StandardCharsets.UTF_8)).lines().forEach(stream::add);
                } catch (java.io.UncheckedIOException closedAtTheEnd) {
                    // the server stops
                }
            });
            reader.setDaemon(true);
            reader.start();

            accepted(web.post("api/say", json("as", "pm", "where", "channel", "text", "ronde start")));
            JsonNode intro = web.await("dm:anna", e -> button(e, "Start").isPresent());
            web.await("channel", e -> e.get("author").asString().equals("bot") && e.get("visibleTo").asString().equals("pm"));
            String heard;
            do {
                heard = stream.poll(30, TimeUnit.SECONDS);
            } while (heard != null && !heard.startsWith("event:entry"));
            assertThat(heard).isEqualTo("event:entry");

            // Anna clicks: Start shown as chosen only once the core stored it, then the scale's buttons
            click(web, "anna", intro, "Start");
            JsonNode prompt = web.await("dm:anna", e -> e.get("parts").toString().contains("textquestion"));
            assertThat(web.entries("dm:anna").get(0).get("answered").asString()).isEqualTo("Start");
            for (String reflection : List.of(PlaygroundFixture.XSS, "Zien", "Vragen")) {
                accepted(web.post("api/say", json("as", "anna", "where", "dm", "text", reflection)));
            }
            for (int i = 0; i < 7; i++) {
                JsonNode question = web.await("dm:anna", e -> button(e, "4").isPresent() && e.get("answered").asString().isEmpty());
                click(web, "anna", question, "4");
                web.await("dm:anna", e -> e.get("id").asLong() == question.get("id").asLong() && !e.get("answered").asString().isEmpty());
            }
            JsonNode summary = web.await("dm:anna", e -> button(e, "Versturen").isPresent());
            click(web, "anna", summary, "Versturen");
            web.await("dm:anna", e -> says(e, "verstuurd"));
            assertThat(web.entries("dm:anna")).anyMatch(e -> e.get("answered").asString().equals("4"));

            // Bram types everything
            for (String line : List.of("start", "Denken Bram", "Zien Bram", "Vragen Bram", "3", "3", "3", "3", "3", "3", "3")) {
                accepted(web.post("api/say", json("as", "bram", "where", "dm", "text", line)));
            }
            web.await("dm:bram", e -> button(e, "Versturen").isPresent());
            accepted(web.post("api/say", json("as", "bram", "where", "dm", "text", "versturen")));
            web.await("dm:bram", e -> says(e, "verstuurd"));
            // a score typed as text shows its question answered too
            assertThat(web.entries("dm:bram")).anyMatch(e -> e.get("answered").asString().equals("3"));

            // the others from their scripts; Anna and Bram are left alone
            accepted(web.post("api/others", "{}"));
            web.await("dm:carla", e -> says(e, "verstuurd"));
            web.await("dm:daan", e -> says(e, "verstuurd"));
            assertThat(web.entries("dm:anna").stream().filter(e -> e.get("author").asString().equals("anna")).count()).isEqualTo(3);

            accepted(web.post("api/say", json("as", "pm", "where", "channel", "text", "ronde sluit")));
            JsonNode report = web.await("channel", e -> e.get("parts").toString().contains("\"image\""));
            JsonNode image = null;
            for (JsonNode part : report.get("parts")) {
                if (part.get("kind").asString().equals("image")) {
                    image = part;
                }
            }
            assertThat(image.get("alt").asString()).isNotBlank();
            HttpResponse<byte[]> png = web.http.send(HttpRequest.newBuilder(URI.create(web.url() + image.get("src").asString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            BufferedImage radar = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(radar.getWidth()).isGreaterThan(100);
            // the reflections in the report's thread, the hostile one as the text it is
            String reportId = report.get("id").asString();
            JsonNode thread = web.await("channel", e -> e.get("thread").asString().equals(reportId) && says(e, "usertext"));
            assertThat(web.entries("channel").stream().filter(e -> e.get("thread").asString().equals(reportId)).map(JsonNode::toString))
                    .anyMatch(s -> s.contains("\"text\":\"" + PlaygroundFixture.XSS + "\""));
            assertThat(thread).isNotNull();

            // the export arrives in the manager's DM as a file to download
            accepted(web.post("api/say", json("as", "pm", "where", "channel", "text", "export")));
            JsonNode file = web.await("dm:pm", e -> e.get("parts").toString().contains("\"file\""));
            String href = file.get("parts").findValue("href").asString();
            HttpResponse<byte[]> xlsx = web.http.send(HttpRequest.newBuilder(URI.create(web.url() + href)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
            assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        }
    }

    @Test
    void theRegionAndTheOpenRoundSurviveARestartAndOpnieuwBeginnenStartsAgain() throws Exception {
        Path db = dir.resolve("playground.db");
        try (PlaygroundFixture web = new PlaygroundFixture(db, Optional.empty())) {
            accepted(web.post("api/say", json("as", "pm", "where", "channel", "text", "ronde start")));
            web.await("dm:anna", e -> button(e, "Start").isPresent());
        }
        try (PlaygroundFixture web = new PlaygroundFixture(db, Optional.empty())) {
            // a person's DM starts with their home page: the open check-in to continue
            assertThat(web.entries("dm:anna")).hasSize(1);
            accepted(web.post("api/say", json("as", "pm", "where", "channel", "text", "ronde status")));
            web.await("channel", e -> says(e, "0 van 4") || says(e, "0/4") || says(e, "Anna"));

            accepted(web.post("api/reset", "{}"));
            assertThat(web.entries("channel")).isEmpty();
            accepted(web.post("api/say", json("as", "pm", "where", "channel", "text", "ronde start")));
            JsonNode started = web.await("channel", e -> e.get("author").asString().equals("bot"));
            assertThat(started.toString()).doesNotContain("loopt al");
        }
    }

    @Test
    void anotherOriginAnotherHostOrAMissingTokenIsRefused() throws Exception {
        try (PlaygroundFixture web = new PlaygroundFixture(dir.resolve("p.db"), Optional.of("geheim-123"))) {
            assertThat(web.get("").statusCode()).isEqualTo(200);
            assertThat(web.get("api/state").statusCode()).isEqualTo(401);
            assertThat(web.get("api/state", "X-Playground-Token", "fout").statusCode()).isEqualTo(401);
            assertThat(web.get("api/state", "X-Playground-Token", "geheim-123").statusCode()).isEqualTo(200);
            assertThat(web.post("api/reset", "{}", "X-Playground-Token", "geheim-123", "Origin", "http://evil.example")
                    .statusCode()).isEqualTo(403);
            assertThat(web.post("api/reset", "{}", "X-Playground-Token", "geheim-123", "Origin",
                    "http://127.0.0.1:" + web.server.port()).statusCode()).isEqualTo(202);
            // a DNS-rebinding page: the right address under another name
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", web.server.port())) {
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + web.server.port()
                        + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                assertThat(status).contains("403");
            }
        }
        assertThat(new PlaygroundServer.Settings("0.0.0.0", 0, Optional.empty()).refusal(java.util.Locale.forLanguageTag("nl")))
                .hasSize(2).first().asString().contains("BORGING_PLAYGROUND_HOST");
        assertThat(new PlaygroundServer.Settings("0.0.0.0", 0, Optional.of("x")).refusal(java.util.Locale.ROOT)).isEmpty();
        assertThat(new PlaygroundServer.Settings("127.0.0.1", 0, Optional.empty()).refusal(java.util.Locale.ROOT)).isEmpty();
    }
}
