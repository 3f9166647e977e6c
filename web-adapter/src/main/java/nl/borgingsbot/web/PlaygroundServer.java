package nl.borgingsbot.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Serves the playground: its own small Spring MVC application (Tomcat, the controller, the guard),
 * apart from the bot's service web server and its management port. Loopback by default; another
 * address only with a token.
 */
public final class PlaygroundServer implements AutoCloseable {

    /**
     * Where the playground listens ({@code BORGING_PLAYGROUND_HOST}, {@code BORGING_PLAYGROUND_PORT})
     * and the token the page asks for ({@code BORGING_PLAYGROUND_TOKEN}).
     */
    public record Settings(String host, int port, Optional<String> token) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 8080;

        public Settings {
            token = token.filter(t -> !t.isBlank());
        }

        public boolean loopback() {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        /** Why the playground must not start with these settings, in one to three lines; empty when it may. */
        public List<String> refusal(Locale language) {
            if (loopback() || token.isPresent()) {
                return List.of();
            }
            return List.of(PageTexts.get(language, "start.refused", host), PageTexts.get(language, "start.howToFix"));
        }
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import(PlaygroundController.class)
    static class Web {

        @Bean
        FilterRegistrationBean<PageGuard> pageGuard(Settings settings) {
            return new FilterRegistrationBean<>(new PageGuard(settings.loopback(), settings.token()));
        }
    }

    private final ConfigurableApplicationContext context;
    private final Settings settings;

    private PlaygroundServer(ConfigurableApplicationContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Starts serving {@code playground}; port 0 takes a free port. */
    public static PlaygroundServer start(Settings settings, Playground playground) {
        if (!settings.refusal(Locale.ROOT).isEmpty()) {
            throw new IllegalArgumentException("the playground on " + settings.host() + " needs a token");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Web.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(Map.of(
                        "spring.config.name", "borgingsbot-playground",
                        "logging.level.root", "WARN",
                        "logging.level.nl.borgingsbot", "INFO"))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("playground", playground);
                    ctx.getBeanFactory().registerSingleton("playgroundSettings", settings);
                })
                // as arguments, the highest priority: the bot's own switches (no web server for the demo,
                // SERVER_PORT of a service) are not the playground's
                .run("--spring.main.web-application-type=servlet", "--server.address=" + settings.host(),
                        "--server.port=" + settings.port());
        return new PlaygroundServer(context, settings);
    }

    /** The port it listens on. */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The address to open in a browser. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        context.close();
    }
}
