package nl.borgingsbot.teams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.core.Borgingsbot;
import nl.borgingsbot.core.Repositories;
import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.region.NewRegion;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.WorkingHours;
import nl.borgingsbot.core.schedule.Schedule;
import nl.borgingsbot.core.schedule.ScheduleRunner;
import nl.borgingsbot.core.store.Database;

/**
 * A national Monday in Teams (issue 11): R regions × P partners in a SQLite file, every region's
 * schedule due at once, opened by the core's {@link ScheduleRunner} in one tick; the application
 * as deployed (Spring, the Bot Framework SDK) against the fake Bot Connector enforcing Teams'
 * published limits ({@link TeamsThrottle}). The partners have no chat with the bot yet, so each
 * invitation creates one (POST /v3/conversations) and sends into it. Not a test: run it by hand
 * (docs/benchmarks.md, "A national Monday"). Arguments as {@code key=value}: {@code regions} (10),
 * {@code partners} (15), {@code factor} (1), {@code max} minutes (5).
 */
public final class TeamsMondayBenchmark {

    private static final String INTRO = "Borgingscheck regio";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the servers' threads would keep the JVM alive
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Map<String, Integer> parsed = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            parsed.put(kv[0], Integer.parseInt(kv[1]));
        }
        int regions = parsed.getOrDefault("regions", 10);
        int partners = parsed.getOrDefault("partners", 15);
        TeamsThrottle throttle = new TeamsThrottle(parsed.getOrDefault("factor", 1));
        Duration max = Duration.ofMinutes(parsed.getOrDefault("max", 5));

        FakeBotConnector connector = new FakeBotConnector();
        FakeBotFramework framework = new FakeBotFramework();
        Path db = Files.createTempDirectory("teams-monday").resolve("bot.db");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN",
                "MICROSOFT_APP_ID=" + TeamsHttpTest.APP_ID, "MICROSOFT_APP_PASSWORD=not-a-real-secret",
                "MICROSOFT_APP_TENANT_ID=" + Activities.TENANT, "test.admins=teams:aad-" + TeamsHttpTest.ADMIN,
                "borging.public-url=" + TeamsHttpTest.PUBLIC_URL,
                "borging.teams.openid-metadata-url=" + framework.openIdMetadataUrl(),
                "borging.teams.authority-url=" + connector.authorityUrl(), "test.db-url=jdbc:sqlite:" + db).run();
        try {
            Borgingsbot core = context.getBean(Borgingsbot.class);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            // the app is installed in a team of the tenant, so the bot can start chats with its partners
            HttpResponse<String> installed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/messages"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Authorization", "Bearer " + framework.token(TeamsHttpTest.APP_ID, connector.url()))
                    .POST(HttpRequest.BodyPublishers.ofString(new Activities(connector.url()).installInTeam(TeamsHttpTest.ADMIN)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (installed.statusCode() != 200 || !core.awaitIdle(Duration.ofSeconds(60))) {
                throw new IllegalStateException("install answered " + installed.statusCode());
            }
            Repositories repositories = context.getBean(Database.class).repositories();
            Platform teams = context.getBean(TeamsGateway.class).platform();
            List<String> users = new ArrayList<>();
            Instant since = Instant.now().minus(Duration.ofHours(1));
            for (int r = 0; r < regions; r++) {
                Region region = repositories.regions().create(NewRegion.withDefaults("Regio " + r,
                        new ChatChannel(teams, Activities.TENANT, "19:regio-" + r + "@thread.tacv2")));
                repositories.regions().addManager(region.id(), new ChatUser(teams, Activities.TENANT, "aad-M" + r));
                for (int p = 0; p < partners; p++) {
                    String user = "aad-R" + r + "P" + p;
                    repositories.regions().addPartner(region.id(), new ChatUser(teams, Activities.TENANT, user),
                            "Partner " + r + "-" + p, "Organisatie " + r + "-" + p);
                    users.add(user);
                }
                repositories.schedules().save(new Schedule(region.id(), "0 * * ? * *", ZoneId.of("Europe/Amsterdam"),
                        Schedule.DEFAULT_WINDOW_DAYS, Schedule.DEFAULT_REMINDER_DAYS, false, true, since, WorkingHours.DEFAULT));
            }
            int n = users.size();
            String loadBefore = load();
            System.out.printf("Teams national Monday: %d regions x %d partners = %d invitations, time factor %d; %s UTC, "
                    + "load average %s%n", regions, partners, n, throttle.factor(), Instant.now(), loadBefore);
            connector.clear();
            connector.throttle(throttle);
            ScheduleRunner runner = new ScheduleRunner(repositories.regions(), repositories.rounds(),
                    repositories.schedules(), repositories.checkIns(), core.invitations(), core.reports(), core.outbox(),
                    ScheduleRunner.DEFAULT_RETENTION_ROUNDS, Clock.systemUTC());
            long start = System.nanoTime();
            Thread tick = new Thread(runner::tick, "schedule-tick");
            tick.start();
            Set<String> pending = new HashSet<>(users);
            long deadline = start + max.toNanos();
            long lastChange = System.nanoTime();
            int lastCalls = 0;
            while (System.nanoTime() < deadline && !pending.isEmpty()) {
                Thread.sleep(200);
                pending.removeIf(u -> connector.firstSentAt(conversation(u)).isPresent());
                int calls = throttle.calls();
                if (calls != lastCalls) {
                    lastCalls = calls;
                    lastChange = System.nanoTime();
                } else if (!tick.isAlive() && core.outbox().awaitEmpty(Duration.ZERO)
                        && System.nanoTime() - lastChange > Duration.ofSeconds(30).toNanos()) {
                    break;
                }
            }
            long stopped = System.nanoTime();
            int lost = 0;
            int duplicated = 0;
            long last = -1;
            for (String user : users) {
                long intros = connector.sentTo(conversation(user)).stream().filter(a -> Cards.text(a).contains(INTRO)).count();
                lost += intros == 0 ? 1 : 0;
                duplicated += intros > 1 ? 1 : 0;
                last = Math.max(last, connector.firstSentAt(conversation(user)).orElse(-1L));
            }
            // each invitation is two requests (create the chat, send): the tenant's 50 a second bounds them
            int requests = 2 * n;
            double floor = Math.max(0, (requests - 1) / TeamsThrottle.TENANT.calls()) * 1.0 / throttle.factor();
            System.out.printf(Locale.ROOT, "floor: %d requests at %d/s per tenant = %.1f s (scaled)%n", requests,
                    TeamsThrottle.TENANT.calls(), floor);
            if (lost == 0) {
                double t = (last - start) / 1e9;
                System.out.printf(Locale.ROOT, "every partner invited after %.1f s scaled (%.1f s real-time equivalent); %.2fx the floor%n",
                        t, t * throttle.factor(), floor == 0 ? Double.NaN : t / floor);
            } else {
                System.out.printf(Locale.ROOT, "NOT every partner invited: %d of %d after %.1f s%n", n - lost, n, (stopped - start) / 1e9);
            }
            System.out.printf(Locale.ROOT, "lost: %d of %d (%.1f %%); duplicated: %d; requests %d, answered 429 %d, early %d%n",
                    lost, n, 100.0 * lost / n, duplicated, throttle.calls(), throttle.throttled(), throttle.early());
            System.out.printf("the schedule tick %s; load average before %s, after %s%n",
                    tick.isAlive() ? "was still running" : "had returned", loadBefore, load());
        } finally {
            context.close();
            connector.close();
            framework.close();
        }
    }

    /** The 1:1 chat the fake creates for a member. */
    private static String conversation(String user) {
        return "a:created-" + user;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
