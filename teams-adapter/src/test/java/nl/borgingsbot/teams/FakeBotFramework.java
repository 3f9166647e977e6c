package nl.borgingsbot.teams;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local fake of the Bot Framework's token issuer over real HTTP on 127.0.0.1: its OpenID
 * metadata names a JWKS endpoint that serves the public half of an RSA key generated here
 * (endorsed for msteams), and {@link #token} signs channel tokens with the private half, as the
 * Bot Framework does for each request it sends to a bot.
 */
final class FakeBotFramework implements AutoCloseable {

    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "fake-key-1";

    private final HttpServer server;
    private final KeyPair key = rsa();
    private final KeyPair otherKey = rsa();

    FakeBotFramework() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/openid", exchange -> respond(exchange, """
                {"issuer":"%s","jwks_uri":"%skeys","id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(ISSUER, url())));
        server.createContext("/keys", exchange -> respond(exchange, jwks()));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String openIdMetadataUrl() {
        return url() + "openid";
    }

    /** A valid channel token for this app id and service URL, as the Bot Framework signs it. */
    String token(String appId, String serviceUrl) {
        return sign(appId, serviceUrl, Instant.now().plus(Duration.ofHours(1)), key);
    }

    /** A token that expired an hour ago (well past the SDK's five minutes of clock skew). */
    String expiredToken(String appId, String serviceUrl) {
        return sign(appId, serviceUrl, Instant.now().minus(Duration.ofHours(1)), key);
    }

    /** A token signed with a key the Bot Framework does not publish. */
    String forgedToken(String appId, String serviceUrl) {
        return sign(appId, serviceUrl, Instant.now().plus(Duration.ofHours(1)), otherKey);
    }

    private static String sign(String appId, String serviceUrl, Instant expires, KeyPair with) {
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(appId)
                .withClaim("serviceurl", serviceUrl)
                .withIssuedAt(Date.from(expires.minus(Duration.ofHours(2))))
                .withNotBefore(Date.from(expires.minus(Duration.ofHours(2))))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) with.getPublic(), (RSAPrivateKey) with.getPrivate()));
    }

    private String jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","kid":"%s","alg":"RS256","n":"%s","e":"%s","endorsements":["msteams"]}]}"""
                .formatted(KEY_ID, base64Url(publicKey.getModulus().toByteArray()),
                        base64Url(publicKey.getPublicExponent().toByteArray()));
    }

    private static String base64Url(byte[] bigEndian) {
        byte[] bytes = bigEndian;
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
