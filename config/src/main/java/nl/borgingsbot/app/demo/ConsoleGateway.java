package nl.borgingsbot.app.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.chat.TextRenderer;

/**
 * The demo's chat platform: prints every DM and channel post readably on the console and keeps
 * what was posted, so the demo can write the report to files.
 */
public final class ConsoleGateway implements ChatGateway {

    /** This platform, as regions name it ({@code platform: demo}). */
    public static final Platform PLATFORM = Platform.of("demo");

    record Posted(PostedMessage posted, Message message, List<Message> thread) {
    }

    private final PrintStream out;
    private final Map<String, String> names;
    private final TextRenderer renderer = new TextRenderer(image -> "[afbeelding: " + image.fileName() + "]");
    private final List<Posted> posts = new ArrayList<>();
    private final Map<String, Message> lastDirect = new HashMap<>();

    ConsoleGateway(PrintStream out, Map<String, String> names) {
        this.out = out;
        this.names = names;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        lastDirect.put(user.userId(), message);
        print("bot → " + name(user.userId()) + " (privé)", message);
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        PostedMessage posted = new PostedMessage(channel, "post-" + (posts.size() + 1));
        posts.add(new Posted(posted, message, new ArrayList<>()));
        print("bot → #regiokanaal", message);
        return posted;
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        posts.stream().filter(p -> p.posted().equals(parent)).findFirst()
                .ifPresent(p -> p.thread().add(message));
        print("bot → #regiokanaal (draad)", message);
    }

    /** A reply to the person who typed something (what an adapter shows them). */
    void replyTo(String userId, Message message) {
        lastDirect.put(userId, message);
        print("bot → " + name(userId), message);
    }

    void typed(String userId, String where, String text) {
        out.println();
        out.println("── " + name(userId) + where + ": " + text);
    }

    Message lastMessageTo(String userId) {
        return lastDirect.get(userId);
    }

    List<Posted> posts() {
        return List.copyOf(posts);
    }

    private void print(String header, Message message) {
        out.println("   ┌ " + header);
        renderer.render(message).lines().forEach(line -> out.println("   │ " + line));
    }

    private String name(String userId) {
        return names.getOrDefault(userId, userId);
    }
}
