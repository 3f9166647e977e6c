package nl.borgingsbot.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the bot. With no chat platform configured it runs the demo round on its own SQLite
 * file, says what to configure, and stops. {@code export …} writes the Excel or CSV export of a
 * round instead (see {@link ExportCli}), {@code backup …} a copy of the SQLite database (see
 * {@link BackupCli}). Exit codes: 0 done, 1 nothing to export, 2 a setting, file or argument is
 * wrong (see {@link Startup}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BorgingsbotApplication {

    public static void main(String[] args) {
        // UTF-8 on the console whatever the server's locale (under LANG=C Java would print "?" for "é")
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        String command = args.length > 0 ? args[0] : "";
        int code = switch (command) {
            case "export" -> ExportCli.run(args, System.out, System.err);
            case "backup" -> BackupCli.run(args, System.out);
            default -> Startup.run(args, System.out, System.err);
        };
        if (code != Startup.RUNNING) {
            System.exit(code);
        }
    }
}
