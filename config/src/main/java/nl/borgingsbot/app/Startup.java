package nl.borgingsbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import nl.borgingsbot.app.demo.DemoRunner;
import nl.borgingsbot.app.demo.PlaygroundRunner;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.i18n.Refusal;
import nl.borgingsbot.core.i18n.Texts;

/**
 * The command line around the Spring application: checks the platform variables, starts the bot
 * (or the web playground when no platform is set; the scripted console demo with {@code demo}), and turns a failed start into one to three lines on
 * stderr with exit code {@link #BAD_CONFIGURATION} — what is wrong, where, how to fix it — never
 * a stack trace (that is logged at DEBUG: {@code --logging.level.nl.borgingsbot=DEBUG}).
 */
final class Startup {

    static final int OK = 0;
    /** The export found nothing to export (no such region or closed round). */
    static final int NOTHING_TO_EXPORT = 1;
    /** A setting, file or argument is wrong; nothing was started and nothing changed. */
    static final int BAD_CONFIGURATION = 2;
    /** The first argument that runs the scripted console demo (which writes data/demo/ and stops). */
    static final String DEMO = "demo";
    /** A chat platform or the playground is running: the bot keeps running until it is stopped. */
    static final int RUNNING = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
    private static final int MAX_DETAIL = 400;
    /**
     * Spring's own reports of a failed start (the trace, the failure analysis, the cancelled
     * refresh) are silenced: {@link #failed} says it in short. Lowest precedence, so a
     * {@code --logging.level…} argument brings them back.
     */
    private static final Map<String, Object> QUIET_FAILURES = Map.of(
            "logging.level.org.springframework.boot.SpringApplication", "OFF",
            "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF",
            "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR",
            "logging.level.org.springframework.boot.web.server.servlet.context", "ERROR");

    private Startup() {
    }

    /** Runs the bot; the exit code, or {@link #RUNNING} while a chat platform keeps it running. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ConfigurableEnvironment environment = environment(args);
        Texts texts;
        try {
            texts = texts(environment);
        } catch (Refusal refusal) {
            return failed(refusal, Texts.of(Locale.forLanguageTag("nl")), err);
        }
        try {
            boolean demoCommand = args.length > 0 && args[0].equals(DEMO);
            boolean demo = demoCommand || !Credentials.anyPlatform(environment);
            ConfigurableApplicationContext context = application(demo).run(args);
            if (!demo && context.getBeanProvider(ChatGateway.class).stream().findAny().isPresent()) {
                return RUNNING;
            }
            if (!demoCommand) {
                // no chat platform: the web playground, until it is stopped
                return context.getBean(PlaygroundRunner.class).start(out, err, texts.locale()).isPresent() ? RUNNING
                        : BAD_CONFIGURATION;
            }
            try (context) {
                context.getBean(DemoRunner.class).run(out);
                out.println();
                out.println(Credentials.howToConnect());
            }
            return OK;
        } catch (Exception | LinkageError e) {
            return failed(e, texts, err);
        }
    }

    /**
     * The Spring application with failures kept short. In the demo every bean is lazy: the demo
     * uses its own database, so the bot's database (./data/borgingsbot.db) is not created.
     */
    static SpringApplication application(boolean demo) {
        SpringApplication app = new SpringApplication(BorgingsbotApplication.class);
        app.setDefaultProperties(QUIET_FAILURES);
        app.setLazyInitialization(demo);
        return app;
    }

    /** The settings the command line and the environment give, before Spring reads application.yml. */
    static ConfigurableEnvironment environment(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment;
    }

    /** The language of start-up messages: {@code BORGING_LANGUAGE} nl (default) or en. */
    static Texts texts(ConfigurableEnvironment environment) {
        String language = environment.getProperty("borging.language", environment.getProperty("BORGING_LANGUAGE", "nl"))
                .strip().toLowerCase(Locale.ROOT);
        if (!language.equals("nl") && !language.equals("en")) {
            throw new Refusal("config.language", language);
        }
        return Texts.of(Locale.forLanguageTag(language));
    }

    /** Says in one to three lines why the start failed; the trace only at DEBUG. */
    static int failed(Throwable failure, Texts texts, PrintStream err) {
        return failed(failure, texts, err, "startup.failed");
    }

    /** As {@link #failed(Throwable, Texts, PrintStream)}, the first line led by the text {@code lead}. */
    static int failed(Throwable failure, Texts texts, PrintStream err, String lead) {
        LOG.debug("Start-up failed", failure);
        Refusal refusal = find(failure, Refusal.class);
        if (refusal != null) {
            err.println(texts.get(lead, refusal.text(texts)));
        } else {
            err.println(texts.get(lead, detail(failure)));
            err.println(texts.get("startup.details"));
        }
        return BAD_CONFIGURATION;
    }

    /** The most telling message in the chain: a property that could not be bound, or the root cause. */
    private static String detail(Throwable failure) {
        BindException bind = find(failure, BindException.class);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null || root instanceof IOException // e.g. NoSuchFileException: its path
                ? root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                : root.getMessage();
        if (bind != null && bind != root) {
            text = bind.getMessage() + " (" + text + ")";
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
