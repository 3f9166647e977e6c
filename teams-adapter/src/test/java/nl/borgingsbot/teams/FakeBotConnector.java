package nl.borgingsbot.teams;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local fake of the Bot Connector service over real HTTP on 127.0.0.1 (with a {@link FakeAuthority}
 * for the bot's token): it records every call the bot makes and answers like the service does.
 * {@code POST /v3/conversations} creates a 1:1 chat or a channel thread, {@code POST …/activities}
 * sends, {@code PUT …/activities/{id}} updates, {@code GET …/members/{id}} names a member, and
 * {@code PUT /upload/…} stands in for the OneDrive upload
 * URL of a file a person accepted. Failures can be queued for calls matching a predicate.
 */
final class FakeBotConnector implements AutoCloseable {

    static final String TOKEN = FakeAuthority.TOKEN;
    /** The Bot Service's limit for one request. */
    static final int MAX_REQUEST = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call the bot made. */
    record Call(String method, String path, String authorization, JsonNode body, byte[] raw, Instant at) {
        String conversationId() {
            String rest = path.substring("/v3/conversations/".length());
            return rest.substring(0, rest.indexOf('/'));
        }

        boolean isSend() {
            return method.equals("POST") && path.matches("/v3/conversations/[^/]+/activities");
        }
    }

    private record Failure(Predicate<Call> when, int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final FakeAuthority authority = new FakeAuthority();
    private final List<Call> calls = new ArrayList<>();
    private final Set<Call> refused = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Map<String, String> aadByTeamsId = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile TeamsThrottle throttle;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

    FakeBotConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The tenant's authority the bot gets its token from (MICROSOFT_APP_TENANT_ID's, at a local fake). */
    String authorityUrl() {
        return authority.authority(Activities.TENANT);
    }

    /** From now on, Teams' published rate limits ({@link TeamsThrottle}); throttled calls are not recorded. */
    void throttle(TeamsThrottle limits) {
        throttle = limits;
    }

    /** When (System.nanoTime) the first activity sent to {@code conversationId} was admitted, if any. */
    java.util.Optional<Long> firstSentAt(String conversationId) {
        return java.util.Optional.ofNullable(sentAt.get(conversationId));
    }

    /** Makes {@code GET members/{teamsId}} answer with this AAD object id. */
    void member(String teamsId, String aadObjectId) {
        aadByTeamsId.put(teamsId, aadObjectId);
    }

    /** The next call matching {@code when} gets this status (and headers) instead of an answer. */
    synchronized void failNext(Predicate<Call> when, int status, Map<String, String> headers) {
        failures.add(new Failure(when, status, headers));
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls answered with success (not with a failure asked for by {@link #failNext}), oldest first. */
    synchronized List<Call> delivered() {
        return calls.stream().filter(c -> !refused.contains(c)).toList();
    }

    synchronized void clear() {
        calls.clear();
        refused.clear();
    }

    /** Activities sent to a conversation (POST …/activities), oldest first. */
    List<JsonNode> sentTo(String conversationId) {
        return calls().stream().filter(Call::isSend).filter(c -> c.conversationId().equals(conversationId))
                .map(Call::body).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            String text = new String(raw, StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            boolean json = !text.isBlank() && !path.startsWith("/upload/");
            JsonNode body = json ? JSON.readTree(text) : JSON.createObjectNode();
            Call call = new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
                    body, raw, Instant.now());
            TeamsThrottle limits = throttle;
            if (limits != null && path.startsWith("/v3/")) {
                java.util.Optional<Long> retry = limits.admit("tenant", call.isSend()
                        ? java.util.Optional.of(call.conversationId()) : java.util.Optional.empty());
                if (retry.isPresent()) {
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(retry.get()));
                    respond(exchange, 429, JSON.createObjectNode().set("error",
                            JSON.createObjectNode().put("code", "Throttled").put("message", "too many requests")));
                    return;
                }
                if (call.isSend()) {
                    sentAt.putIfAbsent(call.conversationId(), System.nanoTime());
                }
            }
            Failure failure = record(call);
            if (failure == null && raw.length > MAX_REQUEST) {
                // what the Bot Service answers to a request over 256 KB
                respond(exchange, 413, JSON.createObjectNode().set("error", JSON.createObjectNode()
                        .put("code", "MessageSizeTooBig").put("message", "Message size too big")));
                return;
            }
            if (failure != null) {
                failure.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                respond(exchange, failure.status(), JSON.createObjectNode().set("error",
                        JSON.createObjectNode().put("code", "Failure").put("message", "fake failure")));
                return;
            }
            respond(exchange, 200, answer(call));
        }
    }

    private synchronized Failure record(Call call) {
        calls.add(call);
        for (Failure failure : failures) {
            if (failure.when().test(call)) {
                failures.remove(failure);
                refused.add(call);
                return failure;
            }
        }
        return null;
    }

    private JsonNode answer(Call call) {
        ObjectNode answer = JSON.createObjectNode();
        String path = call.path();
        if (path.startsWith("/upload/")) {
            return answer.put("id", "drive-item-1"); // what OneDrive answers to the last chunk of an upload
        }
        if (call.method().equals("POST") && path.equals("/v3/conversations")) {
            String activityId = "post-" + ids.incrementAndGet();
            if (call.body().path("isGroup").asBoolean()) {
                String channel = call.body().path("channelData").path("channel").path("id").asText();
                return answer.put("id", channel + ";messageid=" + activityId).put("activityId", activityId);
            }
            return answer.put("id", "a:created-" + call.body().path("members").path(0).path("id").asText());
        }
        if (path.matches("/v3/conversations/[^/]+/members/[^/]+") && call.method().equals("GET")) {
            String teamsId = path.substring(path.lastIndexOf('/') + 1);
            answer.put("id", teamsId).put("name", teamsId);
            String aad = aadByTeamsId.get(teamsId);
            return aad == null ? answer : answer.put("aadObjectId", aad);
        }
        if (path.matches("/v3/conversations/[^/]+/activities/[^/]+") && call.method().equals("PUT")) {
            return answer.put("id", path.substring(path.lastIndexOf('/') + 1));
        }
        return answer.put("id", "act-" + ids.incrementAndGet());
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        authority.close();
    }
}
