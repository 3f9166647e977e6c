package nl.borgingsbot.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A local fake of a Microsoft Entra tenant's authority over real HTTPS on 127.0.0.1 (msal4j only
 * talks HTTPS): {@code POST /<tenant>/oauth2/v2.0/token} hands out a client-credentials token, or
 * answers 401 {@code invalid_client} like Entra does for a wrong secret. Every request is recorded,
 * so a test sees that nothing else (instance discovery, metadata) was asked.
 *
 * <p>Its certificate is made once per test JVM (the JDK's keytool, for 127.0.0.1) and this JVM's
 * HTTPS clients trust it (and only it): no test may reach a host outside this machine anyway.
 */
final class FakeAuthority implements AutoCloseable {

    static final String TOKEN = "fake-entra-token";
    private static SSLContext tls;

    /** One request the fake got: its path and, for the token endpoint, the form. */
    record Request(String path, Map<String, String> form) {
    }

    private final HttpsServer server;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    FakeAuthority() throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls()));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The authority URL of {@code tenant} at this fake. */
    String authority(String tenant) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + tenant + "/";
    }

    /** From now on the token endpoint refuses the client (as for a wrong or expired secret). */
    void refuseClient() {
        status.set(401);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = body.isBlank() ? Map.of() : Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> p.length < 2 ? "" : URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            synchronized (this) {
                requests.add(new Request(path, form));
            }
            int answer = path.endsWith("/oauth2/v2.0/token") ? status.get() : 404;
            String json = switch (answer) {
                case 200 -> "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                        + TOKEN + "\"}";
                case 401 -> "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret "
                        + "provided.\",\"error_codes\":[7000215]}";
                default -> "{\"error\":\"not_found\"}";
            };
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The fake's certificate and key, made once; this JVM's HTTPS connections trust it from then on. */
    private static synchronized SSLContext tls() {
        if (tls != null) {
            return tls;
        }
        try {
            Path dir = Files.createTempDirectory("fake-authority");
            Path store = dir.resolve("authority.p12");
            char[] password = "fake-authority".toCharArray();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "authority", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(password), "-keypass", new String(password))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            Files.delete(store);
            Files.delete(dir);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
            tls = context;
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
