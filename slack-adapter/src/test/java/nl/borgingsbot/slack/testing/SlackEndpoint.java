package nl.borgingsbot.slack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import nl.borgingsbot.slack.SlackConnection;
import nl.borgingsbot.slack.SlackEventsServlet;

/**
 * {@link SlackEventsServlet} on an embedded Tomcat on 127.0.0.1 and a free port: the web server the
 * application serves {@code /slack/events} from, without the rest of the application.
 */
public final class SlackEndpoint implements AutoCloseable {

    private final Tomcat tomcat;
    private final Connector connector;
    private final SlackEventsServlet servlet;
    private final Path baseDir;

    private SlackEndpoint(Tomcat tomcat, Connector connector, SlackEventsServlet servlet, Path baseDir) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.servlet = servlet;
        this.baseDir = baseDir;
    }

    /** Serves {@code connection}'s {@code /slack/events}, open for requests. */
    public static SlackEndpoint start(SlackConnection connection) {
        try {
            Tomcat tomcat = new Tomcat();
            Path baseDir = Files.createTempDirectory("slack-endpoint");
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", null);
            SlackEventsServlet servlet = new SlackEventsServlet();
            Tomcat.addServlet(context, "slack", servlet);
            context.addServletMappingDecoded(SlackEventsServlet.PATH, "slack");
            tomcat.start();
            servlet.open(connection);
            return new SlackEndpoint(tomcat, connector, servlet, baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    public SlackEventsServlet servlet() {
        return servlet;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI eventsUri() {
        return URI.create("http://127.0.0.1:" + port() + SlackEventsServlet.PATH);
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
            try (Stream<Path> files = Files.walk(baseDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
