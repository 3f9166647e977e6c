package nl.borgingsbot.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the playground to its own page: a request from a page of another origin is refused (403),
 * and so is one addressed to another host name while bound to the loopback address (a DNS
 * rebinding page). With a token set, the API answers only who gives it (header
 * {@code X-Playground-Token}, or {@code ?token=} for the event stream and images); the page
 * itself asks for it.
 */
final class PageGuard implements Filter {

    static final String TOKEN_HEADER = "X-Playground-Token";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final boolean loopback;
    private final Optional<String> token;

    PageGuard(boolean loopback, Optional<String> token) {
        this.loopback = loopback;
        this.token = token;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String host = Optional.ofNullable(request.getHeader("Host")).orElse("");
        if (loopback && !LOOPBACK_NAMES.contains(hostName(host))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "not this host");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, host) || "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "another origin");
            return;
        }
        if (token.isPresent() && request.getRequestURI().startsWith("/api/") && !tokenGiven(request)) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "token needed");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean tokenGiven(HttpServletRequest request) {
        String given = Optional.ofNullable(request.getHeader(TOKEN_HEADER)).orElse(request.getParameter("token"));
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            return "http".equals(uri.getScheme()) && host.equalsIgnoreCase(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hostName(String host) {
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.toLowerCase(Locale.ROOT);
    }
}
