package nl.borgingsbot.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatGatewayContract;
import nl.borgingsbot.core.chat.ChatUser;

/**
 * The demo's console keeps the ChatGateway contract, read back from what it printed. A console
 * never refuses a delivery, so the failure cases are skipped here.
 */
class ConsoleGatewayContractTest extends ChatGatewayContract {

    private static final Pattern FILE = Pattern.compile("\\[[^\\]]*: ([^,\\]]+), \\d+ bytes]");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ConsoleGateway gateway = new ConsoleGateway(new PrintStream(printed, true, StandardCharsets.UTF_8),
            Map.of("U1", "Anna de Vries"));
    private final ChatUser person = new ChatUser(ConsoleGateway.PLATFORM, "demo", "U1");
    private final ChatChannel channel = new ChatChannel(ConsoleGateway.PLATFORM, "demo", "C1");

    @Override
    protected ChatGateway gateway() {
        return gateway;
    }

    @Override
    protected ChatUser person() {
        return person;
    }

    @Override
    protected ChatChannel channel() {
        return channel;
    }

    /** Each block the console printed ("┌ bot → …" and its "│" lines); a thread reply belongs to the post it was kept with. */
    @Override
    protected List<Received> received() {
        Iterator<String> threads = gateway.posts().stream()
                .flatMap(p -> p.thread().stream().map(reply -> p.posted().messageId())).iterator();
        List<Received> received = new ArrayList<>();
        String header = null;
        StringBuilder text = new StringBuilder();
        for (String line : (printed.toString(StandardCharsets.UTF_8) + "\n   ┌ end").split("\n")) {
            if (line.startsWith("   ┌ ")) {
                if (header != null) {
                    received.add(received(header, text.toString(), threads));
                }
                header = line.substring("   ┌ ".length());
                text.setLength(0);
            } else if (line.startsWith("   │ ")) {
                text.append(line.substring("   │ ".length())).append('\n');
            }
        }
        return received;
    }

    private Received received(String header, String text, Iterator<String> threads) {
        List<String> files = new ArrayList<>();
        Matcher file = FILE.matcher(text);
        while (file.find()) {
            files.add(file.group(1));
        }
        int images = text.split("\\[afbeelding: ", -1).length - 1;
        if (header.equals("bot → Anna de Vries (privé)")) {
            return new Received(toUser(person.userId()), Optional.empty(), text, images, files);
        }
        Optional<String> thread = header.endsWith("(draad)") ? Optional.of(threads.next()) : Optional.empty();
        // the console shows one channel, the region's, whatever its id
        return new Received(toChannel(channel.channelId()), thread, text, images, files);
    }

    @Override
    protected boolean fail(Failure failure) {
        return false;
    }
}
