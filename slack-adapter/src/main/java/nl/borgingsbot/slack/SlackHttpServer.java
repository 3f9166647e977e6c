package nl.borgingsbot.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Slack's HTTP mode: {@code POST /slack/events} on its own small server (the JDK's), for events,
 * interactivity and the slash command alike. The body is read as raw bytes and handed to Bolt,
 * which decodes it as UTF-8 and verifies the signature before anything else looks at it.
 */
public final class SlackHttpServer implements AutoCloseable {

    /** The request URL to give Slack (behind your HTTPS proxy): {@code https://<host>/slack/events}. */
    public static final String PATH = "/slack/events";
    private static final int MAX_BODY = 1024 * 1024;
    /** How long {@link #close()} lets the requests it is answering finish (their acks are due in 3 s). */
    private static final int IN_FLIGHT_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService workers;
    /** Requests being answered now. */
    private final AtomicInteger answering;

    private SlackHttpServer(HttpServer server, ExecutorService workers, AtomicInteger answering) {
        this.server = server;
        this.workers = workers;
        this.answering = answering;
    }

    /** Starts listening on {@code host:port} (port 0: any free port). */
    public static SlackHttpServer start(SlackConnection connection, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 256);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        AtomicInteger answering = new AtomicInteger();
        server.createContext(PATH, exchange -> {
            answering.incrementAndGet();
            try {
                handle(connection, exchange);
            } finally {
                answering.decrementAndGet();
            }
        });
        server.setExecutor(workers);
        server.start();
        return new SlackHttpServer(server, workers, answering);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(SlackConnection connection, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
            SlackConnection.HttpReply reply = connection.handleHttp(PATH, headers, body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /**
     * Stops taking requests and lets the ones being answered finish (at most {@value #IN_FLIGHT_SECONDS} s):
     * an event the core accepted is also acknowledged to Slack, so Slack does not send it again.
     */
    @Override
    public void close() {
        // the JDK's server waits the whole delay when nothing is in flight: then it need not wait at all
        server.stop(answering.get() == 0 ? 0 : IN_FLIGHT_SECONDS);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(IN_FLIGHT_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
