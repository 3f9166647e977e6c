package nl.borgingsbot.slack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake of the Slack Web API over real HTTP on 127.0.0.1: answers the methods the bot calls,
 * the file upload URL and response_url posts, records every call, and can answer a method with an
 * error or with HTTP 429 + Retry-After. Tests wait for calls with {@link #await}, never by sleeping.
 */
public final class FakeSlack implements AutoCloseable {

    /** One call the bot made: the method (or {@code upload}/{@code respond}), its parameters and raw body. */
    public record Call(String method, Map<String, String> params, byte[] body, int status, String answer, Instant at) {
        /** A call received now. */
        public Call(String method, Map<String, String> params, byte[] body, int status, String answer) {
            this(method, params, body, status, answer, Instant.now());
        }

        public boolean ok() {
            return status == 200 && !answer.contains("\"ok\":false");
        }

        public String param(String name) {
            return params.getOrDefault(name, "");
        }

        /** The message's blocks (chat.postMessage, chat.update, response_url), empty when none. */
        public JsonArray blocks() {
            String blocks = params.get("blocks");
            return blocks == null || blocks.isBlank() ? new JsonArray() : JsonParser.parseString(blocks).getAsJsonArray();
        }

        /** Every text in the blocks and the fallback text, joined: what a person would read. */
        public String visibleText() {
            StringBuilder text = new StringBuilder(param("text"));
            collectTexts(blocks(), text);
            return text.toString().replace("\u200B", "");
        }
    }

    public static final String TEAM = "T1";
    public static final String BOT_USER = "UBOT";

    private final HttpServer server;
    private final Gson gson = new Gson();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<Call>> postsByChannel = new HashMap<>();
    /** Per channel, what {@link #awaitPosts} waits on. */
    private final Map<String, Object> postSignals = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final Map<String, Integer> rateLimited = new HashMap<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Integer> retryAfter = new HashMap<>();
    private final Map<String, byte[]> uploads = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private volatile String socketModeUrl = "";
    private volatile SlackTiers tiers;
    private int imageNotReady;

    public FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> new Thread(r, "fake-slack")));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Web API base URL the bot is pointed at. */
    public String apiUrl() {
        return url() + "/api/";
    }

    /** A response_url for one slash command or click. */
    public String responseUrl() {
        return url() + "/respond/" + ids.incrementAndGet();
    }

    /** What apps.connections.open answers: the WebSocket URL of a Socket Mode fake. */
    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** From now on, {@code method} on {@code channel} answers {@code ok: false, error}. */
    public synchronized void fail(String method, String channel, String error) {
        errors.put(method + " " + channel, error);
    }

    /** The next {@code times} calls of {@code method} on {@code channel} answer {@code ok: false, error}. */
    public synchronized void failTimes(String method, String channel, String error, int times) {
        errors.put(method + " " + channel, error);
        failures.put(method + " " + channel, times);
    }

    /**
     * The next {@code times} messages showing an uploaded file ({@code slack_file} image block)
     * answer {@code invalid_blocks}, as Slack does while it is still processing the upload.
     */
    public synchronized void imageNotReady(int times) {
        imageNotReady = times;
    }

    /**
     * From now on, Slack's published rate limits and a latency per call ({@link SlackTiers}); the
     * fake then answers on as many threads as callers need (a slow Slack still answers in parallel).
     */
    public void tiers(SlackTiers limits) {
        java.util.concurrent.ThreadPoolExecutor pool = (java.util.concurrent.ThreadPoolExecutor) server.getExecutor();
        pool.setMaximumPoolSize(512);
        pool.setCorePoolSize(512);
        tiers = limits;
    }

    /** The next {@code times} calls of {@code method} get HTTP 429 with {@code Retry-After: 1}. */
    public synchronized void rateLimit(String method, int times) {
        rateLimited.put(method, times);
    }

    /** The next {@code times} calls of {@code method} on {@code channel} get HTTP 429 with {@code Retry-After}. */
    public synchronized void rateLimit(String method, String channel, int times, int retryAfterSeconds) {
        rateLimited.put(method + " " + channel, times);
        retryAfter.put(method + " " + channel, retryAfterSeconds);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Messages posted to a channel or DM (chat.postMessage with status 200 and ok). */
    /** The response_url posts that replaced the message clicked ({@code replace_original}), oldest first. */
    public synchronized List<Call> replaced() {
        return calls.stream().filter(c -> c.method().equals("respond") && c.ok()
                && "true".equals(c.param("replace_original"))).toList();
    }

    public synchronized List<Call> posts(String channel) {
        return List.copyOf(postsByChannel.getOrDefault(channel, List.of()));
    }

    /** How many messages were posted successfully, in all channels. */
    public synchronized int postCount() {
        return postsByChannel.values().stream().mapToInt(List::size).sum();
    }

    /** The DM channel the fake opens for a user. */
    public static String dmChannel(String userId) {
        return "D" + userId;
    }

    /** The ts the fake answered for a posted message. */
    public String tsOf(Call posted) {
        return JsonParser.parseString(posted.answer()).getAsJsonObject().get("ts").getAsString();
    }

    public synchronized Optional<byte[]> upload(String fileId) {
        return Optional.ofNullable(uploads.get(fileId));
    }

    /** Waits until {@code condition} holds on the calls so far (woken by every call), at most 20 s. */
    public List<Call> await(String what, Predicate<List<Call>> condition) {
        return await(what, Duration.ofSeconds(20), condition);
    }

    /** Waits until {@code condition} holds on the calls so far (woken by every call), at most {@code timeout}. */
    public synchronized List<Call> await(String what, Duration timeout, Predicate<List<Call>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(calls)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; calls: "
                        + calls.stream().map(c -> c.method() + " " + c.param("channel")).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return List.copyOf(calls);
    }

    /** Waits until {@code channel} has at least {@code count} posts (at most 20 s); returns them. */
    public List<Call> awaitPosts(String channel, int count) {
        return awaitPosts(channel, count, Duration.ofSeconds(20));
    }

    /**
     * Waits until {@code channel} has at least {@code count} posts; returns them. Woken only by a post
     * in that channel: with hundreds of partners waiting at once (the load generators), waking every
     * waiter on every call would cost more CPU than the bot under test.
     */
    public List<Call> awaitPosts(String channel, int count, Duration timeout) {
        Object signal = postSignals.computeIfAbsent(channel, c -> new Object());
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            List<Call> posts;
            while ((posts = posts(channel)).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + count + " posts in " + channel + "; there are "
                            + posts.size());
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return posts;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        Map<String, String> params = path.startsWith("/upload/") ? new HashMap<>()
                : contentType.startsWith("application/json") || path.startsWith("/respond/") ? jsonParams(body)
                : formParams(body);
        String method = path.startsWith("/api/") ? path.substring(5)
                : path.startsWith("/upload/") ? "upload" : path.startsWith("/respond/") ? "respond" : path;
        int status = 200;
        String answer;
        SlackTiers limits = tiers;
        Optional<Long> throttle = Optional.empty();
        if (limits != null) {
            pause(limits.latency());
            if (path.startsWith("/api/")) {
                throttle = limits.admit(method, params.getOrDefault("channel", ""));
            }
        }
        synchronized (this) {
            String limitKey = rateLimited.getOrDefault(method, 0) > 0 ? method : method + " " + params.getOrDefault("channel", "");
            int limited = rateLimited.getOrDefault(limitKey, 0);
            if (throttle.isPresent()) {
                status = 429;
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(throttle.get()));
                answer = "{\"ok\":false,\"error\":\"ratelimited\"}";
            } else if (limited > 0) {
                rateLimited.put(limitKey, limited - 1);
                status = 429;
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter.getOrDefault(limitKey, 1)));
                answer = "{\"ok\":false,\"error\":\"ratelimited\"}";
            } else {
                answer = answer(method, path, params, body);
            }
            Call call = new Call(method, params, body, status, answer, Instant.now());
            calls.add(call);
            if (method.equals("chat.postMessage") && call.ok()) {
                postsByChannel.computeIfAbsent(call.param("channel"), c -> new ArrayList<>()).add(call);
            }
            notifyAll();
        }
        Object signal = status == 200 && method.equals("chat.postMessage") ? postSignals.get(params.getOrDefault("channel", "")) : null;
        if (signal != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String answer(String method, String path, Map<String, String> params, byte[] body) {
        String key = method + " " + params.getOrDefault("channel", "");
        String error = errors.get(key);
        if (error != null && failures.containsKey(key) && failures.merge(key, -1, Integer::sum) <= 0) {
            errors.remove(key);
            failures.remove(key);
        }
        if (error != null) {
            return "{\"ok\":false,\"error\":\"" + error + "\"}";
        }
        switch (method) {
            case "auth.test":
                return "{\"ok\":true,\"url\":\"https://fake.slack.com/\",\"team\":\"Fake\",\"user\":\"borgingsbot\","
                        + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BBOT\"}";
            case "apps.connections.open":
                return "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}";
            case "conversations.open":
                return "{\"ok\":true,\"channel\":{\"id\":\"" + dmChannel(params.getOrDefault("users", "")) + "\"}}";
            case "chat.postMessage":
            case "chat.postEphemeral":
                if (!validBlocks(params)) {
                    return "{\"ok\":false,\"error\":\"invalid_blocks\"}";
                }
                if (imageNotReady > 0 && params.getOrDefault("blocks", "").contains("slack_file")) {
                    imageNotReady--;
                    return "{\"ok\":false,\"error\":\"invalid_blocks\"}";
                }
                withBlockIds(params);
                return "{\"ok\":true,\"channel\":\"" + params.getOrDefault("channel", "") + "\",\"ts\":\""
                        + ids.incrementAndGet() + ".000100\"}";
            case "chat.update":
                if (!validBlocks(params)) {
                    return "{\"ok\":false,\"error\":\"invalid_blocks\"}";
                }
                withBlockIds(params);
                return "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "users.info":
                return "{\"ok\":true,\"user\":{\"id\":\"" + params.get("user") + "\",\"tz\":\"Europe/Amsterdam\",\"locale\":\"nl-NL\"}}";
            case "files.getUploadURLExternal":
                String fileId = "F" + ids.incrementAndGet();
                return "{\"ok\":true,\"upload_url\":\"" + url() + "/upload/" + fileId + "\",\"file_id\":\"" + fileId + "\"}";
            case "upload":
                uploads.put(path.substring("/upload/".length()), body);
                return "OK";
            case "files.completeUploadExternal":
                JsonArray files = JsonParser.parseString(params.getOrDefault("files", "[]")).getAsJsonArray();
                JsonObject file = files.get(0).getAsJsonObject();
                return "{\"ok\":true,\"files\":[{\"id\":\"" + file.get("id").getAsString() + "\",\"title\":\"radar\"}]}";
            default:
                return "{\"ok\":true}";
        }
    }

    /** Slack's limits: at most 50 blocks, a section's text at most 3,000 characters, a header's 150. */
    public static boolean validBlocks(Map<String, String> params) {
        String blocks = params.get("blocks");
        if (blocks == null || blocks.isBlank()) {
            return true;
        }
        JsonArray array = JsonParser.parseString(blocks).getAsJsonArray();
        if (array.size() > 50) {
            return false;
        }
        for (JsonElement element : array) {
            JsonObject block = element.getAsJsonObject();
            String type = block.get("type").getAsString();
            int limit = type.equals("section") ? 3000 : type.equals("header") ? 150 : Integer.MAX_VALUE;
            if (block.has("text") && block.getAsJsonObject("text").get("text").getAsString().length() > limit) {
                return false;
            }
        }
        return true;
    }

    /** Like Slack, gives every block without one a block_id, so a click can name its block. */
    private void withBlockIds(Map<String, String> params) {
        String blocks = params.get("blocks");
        if (blocks == null || blocks.isBlank()) {
            return;
        }
        JsonArray array = JsonParser.parseString(blocks).getAsJsonArray();
        for (JsonElement block : array) {
            if (!block.getAsJsonObject().has("block_id")) {
                block.getAsJsonObject().addProperty("block_id", "b" + ids.incrementAndGet());
            }
        }
        params.put("blocks", gson.toJson(array));
    }

    private static Map<String, String> formParams(byte[] body) {
        Map<String, String> params = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return params;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static Map<String, String> jsonParams(byte[] body) {
        Map<String, String> params = new HashMap<>();
        JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        if (json.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
                params.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString());
            }
        }
        return params;
    }

    private static void collectTexts(JsonElement element, StringBuilder out) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectTexts(e, out));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("text") && object.get("text").isJsonPrimitive()) {
                out.append('\n').append(object.get("text").getAsString());
            }
            object.entrySet().stream().filter(e -> !e.getKey().equals("text") || !e.getValue().isJsonPrimitive())
                    .forEach(e -> collectTexts(e.getValue(), out));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
