package nl.borgingsbot.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Slack's HTTP mode on the application's own web server: {@code POST /slack/events}, for events,
 * interactivity and the slash command alike. The body is read as raw bytes (never as servlet
 * parameters, which would decode a form with the container's charset) and handed to
 * {@link SlackConnection#handleHttp}, which checks the signature over those bytes before anything
 * else looks at them.
 *
 * <p>Takes requests only between {@link #open} and {@link #close()}: before the bot is connected
 * to Slack, and from the first step of a graceful shutdown, Slack gets a 503 and sends the request
 * again later. (The connection is given at {@code open}, not at construction: the web server
 * creates its servlets before the rest of the application.) Requests already being answered
 * finish; the web server's graceful shutdown waits for them.
 */
public final class SlackEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The request URL to give Slack (behind your HTTPS proxy): {@code https://<host>/slack/events}. */
    public static final String PATH = "/slack/events";
    private static final int MAX_BODY = 1024 * 1024;

    /** Where requests go while open; {@code null} while closed. */
    private transient volatile SlackConnection connection;

    /** Hands Slack's requests to {@code connection} from now on. */
    public void open(SlackConnection connection) {
        this.connection = connection;
    }

    /** Answers 503 to new requests from now on (Slack retries them). */
    public void close() {
        connection = null;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SlackConnection connection = this.connection;
        if (connection == null) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        SlackConnection.HttpReply reply = connection.handleHttp(PATH, headers, body, request.getRemoteAddr());
        response.setStatus(reply.status());
        reply.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(reply.contentType());
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
