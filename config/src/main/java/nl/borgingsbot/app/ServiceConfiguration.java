package nl.borgingsbot.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.microsoft.bot.connector.authentication.AppCredentials;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.store.Database;
import nl.borgingsbot.core.telemetry.Telemetry;
import nl.borgingsbot.slack.SlackConnection;
import nl.borgingsbot.teams.spring.TeamsSettings;

/**
 * What whoever runs the bot sees of it: the {@link Telemetry} (metrics and the operator's log
 * lines), the gauge of open rounds, the latency of Teams' requests, and the two health checks the
 * readiness group adds to Spring's own state (application.yml): {@code database} (a connection
 * answers; the schema was migrated before the application started) and {@code platforms} (every
 * configured chat platform is connected).
 */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    Telemetry telemetry(MeterRegistry registry) {
        return new OperatorTelemetry(registry);
    }

    @Bean
    Gauge openRounds(MeterRegistry registry, Repositories repositories) {
        return Gauge.builder("borging.rounds.open", repositories, r -> r.rounds().allOpen().size())
                .description("Rounds open now, in all regions").register(registry);
    }

    /** Times each request to Teams' {@code /api/messages} (only served when Teams is connected). */
    @Bean
    FilterRegistrationBean<Filter> teamsRequestTimer(Telemetry telemetry) {
        Filter filter = (request, response, chain) -> {
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                telemetry.acknowledged("teams", Duration.ofNanos(System.nanoTime() - start));
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/messages");
        return registration;
    }

    /**
     * UP when a connection from the pool answers; DOWN when the database cannot be reached. The
     * database is looked up at the first check, not when the health registry is built: the demo
     * builds the registry too and must not create the bot's database.
     */
    @Bean
    HealthIndicator databaseHealthIndicator(ObjectProvider<Database> database) {
        return () -> {
            try (Connection connection = database.getObject().dataSource().getConnection()) {
                return connection.isValid((int) CHECK_TIMEOUT.toSeconds()) ? Health.up().build()
                        : Health.down().withDetail("error", "the database does not answer").build();
            } catch (SQLException | RuntimeException e) {
                return Health.down().withDetail("error", "the database cannot be reached").build();
            }
        };
    }

    /**
     * UP when every configured platform is connected: Slack accepts the bot token (auth.test) and,
     * in Socket Mode, the socket is open; Teams has obtained a token with its credentials (or runs
     * in the local emulator mode, which needs none).
     */
    @Bean
    HealthIndicator platformsHealthIndicator(ObjectProvider<SlackConnection> slack,
                                             ObjectProvider<TeamsSettings> teamsSettings,
                                             ObjectProvider<AppCredentials> teamsCredentials) {
        return () -> {
            Health.Builder health = Health.up();
            boolean up = true;
            SlackConnection connection = slack.getIfAvailable();
            if (connection != null) {
                boolean connected = connection.connected();
                health.withDetail("slack", connected ? "connected" : "not connected");
                up = connected;
            }
            TeamsSettings settings = teamsSettings.getIfAvailable();
            if (settings != null) {
                boolean connected = !settings.authenticated() || hasToken(teamsCredentials.getObject());
                health.withDetail("teams", connected ? "connected" : "no token from Microsoft Entra ID");
                up = up && connected;
            }
            return up ? health.build() : health.down().build();
        };
    }

    private static boolean hasToken(AppCredentials credentials) {
        try {
            String token = credentials.getToken().get(CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return token != null && !token.isBlank();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
