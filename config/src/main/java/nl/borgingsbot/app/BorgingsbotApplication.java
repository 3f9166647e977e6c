package nl.borgingsbot.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import nl.borgingsbot.app.demo.DemoRunner;
import nl.borgingsbot.core.chat.ChatGateway;

/**
 * Starts the bot. With no chat platform configured it runs the demo round on the embedded
 * SQLite default, says what to configure, and stops. {@code export …} writes the Excel or CSV
 * export of a round instead (see {@link ExportCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BorgingsbotApplication {

    private static final Logger LOG = LoggerFactory.getLogger(BorgingsbotApplication.class);

    public static void main(String[] args) throws Exception {
        // UTF-8 on the console whatever the server's locale (under LANG=C Java would print "?" for "é")
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        if (args.length > 0 && args[0].equals("export")) {
            System.exit(ExportCli.run(args, System.out));
        }
        ConfigurableApplicationContext context = SpringApplication.run(BorgingsbotApplication.class, args);
        if (context.getBeanProvider(ChatGateway.class).stream().findAny().isEmpty()) {
            try (context) {
                Credentials.warnIfSetButUnsupported(LOG);
                context.getBean(DemoRunner.class).run(System.out);
                System.out.println();
                System.out.println(Credentials.howToConnect());
            }
        }
    }
}
