package nl.borgingsbot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The page and its JSON: the page itself from the jar, the state (people, labels, every message
 * so far), live changes as server-sent events, and what the visitor does (typing, clicking, the
 * two buttons of the playground).
 */
@RestController
class PlaygroundController {

    private static final String PAGE = "nl/borgingsbot/web/page/";

    /** Typed text as someone, in the channel or in their DM. */
    record Say(String as, String where, String text) {
    }

    /** A button pressed as someone, in message {@code entry}. */
    record Click(String as, long entry, String actionId, String value) {
    }

    private final Playground playground;
    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();

    PlaygroundController(Playground playground) {
        this.playground = playground;
        playground.transcript().onEntry(entry -> send("entry", PageView.of(entry)));
        playground.transcript().onClear(() -> send("reset", Map.of()));
    }

    @GetMapping("/")
    ResponseEntity<Resource> page() {
        return resource("index.html", MediaType.TEXT_HTML);
    }

    @GetMapping("/page/app.js")
    ResponseEntity<Resource> script() {
        return resource("app.js", MediaType.parseMediaType("text/javascript"));
    }

    @GetMapping("/page/style.css")
    ResponseEntity<Resource> style() {
        return resource("style.css", MediaType.parseMediaType("text/css"));
    }

    @GetMapping("/api/state")
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("texts", PageTexts.all(playground.language()));
        state.put("region", playground.scene().region());
        state.put("manager", playground.scene().manager().userId());
        state.put("people", playground.people().stream().map(p -> Map.of("id", p.userId(), "name", p.name(),
                "organisation", p.organisation())).toList());
        state.put("entries", playground.transcript().all().stream().map(PageView::of).toList());
        return state;
    }

    @GetMapping("/api/events")
    SseEmitter events() {
        SseEmitter emitter = new SseEmitter(0L);
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        try {
            emitter.send(SseEmitter.event().name("hello").data(Map.of()));
        } catch (IOException e) {
            listeners.remove(emitter);
        }
        return emitter;
    }

    @PostMapping("/api/say")
    ResponseEntity<Void> say(@RequestBody Say say) {
        if (say.text() == null || say.text().isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        playground.say(person(say.as()), "channel".equals(say.where()), say.text().strip());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/click")
    ResponseEntity<Void> click(@RequestBody Click click) {
        playground.click(person(click.as()), click.entry(), click.actionId(), click.value());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/others")
    ResponseEntity<Void> others() {
        playground.othersAnswer();
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/reset")
    ResponseEntity<Void> reset() {
        playground.reset();
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/media/{token}")
    ResponseEntity<byte[]> media(@PathVariable String token) {
        return playground.transcript().media(token).map(m -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(m.mediaType()));
            headers.setContentDisposition((m.mediaType().startsWith("image/") ? ContentDisposition.inline()
                    : ContentDisposition.attachment()).filename(m.fileName(), StandardCharsets.UTF_8).build());
            return new ResponseEntity<>(m.content(), headers, HttpStatus.OK);
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A person of the scene; anything else is a bad request, never a new user. */
    private String person(String userId) {
        return playground.people().stream().map(Scene.Person::userId).filter(id -> id.equals(userId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not on the playground: " + userId));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    private void send(String name, Object data) {
        for (SseEmitter emitter : listeners) {
            try {
                synchronized (emitter) {
                    emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                listeners.remove(emitter);
            }
        }
    }

    private static ResponseEntity<Resource> resource(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self'; object-src 'none'")
                .body(new ClassPathResource(PAGE + name));
    }
}
