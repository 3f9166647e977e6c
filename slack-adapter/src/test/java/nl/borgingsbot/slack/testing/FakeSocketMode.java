package nl.borgingsbot.slack.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Slack's side of Socket Mode on 127.0.0.1: accepts the bot's WebSocket, says hello, sends it
 * envelopes (slash commands, events, interactions) and collects the bot's acks.
 */
public final class FakeSocketMode extends WebSocketServer {

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch connected = new CountDownLatch(1);
    private final BlockingQueue<JsonObject> acks = new LinkedBlockingQueue<>();
    private volatile WebSocket bot;

    public FakeSocketMode() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    /** Starts listening; returns the ws:// URL for apps.connections.open. */
    public String startAndGetUrl() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the Socket Mode fake did not start");
        }
        return "ws://127.0.0.1:" + getPort() + "/link";
    }

    public void awaitConnection() throws InterruptedException {
        if (!connected.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the bot did not connect over Socket Mode");
        }
    }

    /** Sends an envelope of {@code type} with {@code payload}. */
    public void send(String envelopeId, String type, JsonObject payload) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", envelopeId);
        envelope.addProperty("type", type);
        envelope.addProperty("accepts_response_payload", !type.equals("events_api"));
        if (type.equals("events_api")) {
            envelope.addProperty("retry_attempt", 0);
            envelope.addProperty("retry_reason", "");
        }
        envelope.add("payload", payload);
        bot.send(envelope.toString());
    }

    /** The next ack the bot sent, at most 20 s away. */
    public JsonObject nextAck() throws InterruptedException {
        JsonObject ack = acks.poll(20, TimeUnit.SECONDS);
        if (ack == null) {
            throw new AssertionError("no ack over Socket Mode");
        }
        return ack;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        bot = conn;
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                + "\"connection_info\":{\"app_id\":\"A1\"}}");
        connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        acks.add(JsonParser.parseString(message).getAsJsonObject());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }
}
