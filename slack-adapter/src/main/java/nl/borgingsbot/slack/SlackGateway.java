package nl.borgingsbot.slack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Lane;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The core's {@link ChatGateway} for Slack, on the Web API: a DM is {@code conversations.open}
 * plus {@code chat.postMessage}; an image goes up with the external upload API
 * ({@code filesUploadV2}) and is shown in the message's blocks; thread replies carry the parent's
 * {@code ts}. Every call goes through the workspace's rate limiter ({@link RateLimitedCall}); Slack
 * errors become {@link DeliveryException}s.
 */
public final class SlackGateway implements ChatGateway {

    /** This platform, as regions name it ({@code platform: slack}). */
    public static final Platform PLATFORM = Platform.of("slack");

    private static final Logger LOG = LoggerFactory.getLogger(SlackGateway.class);
    /**
     * How long to wait before each new try when Slack does not yet accept a just uploaded image
     * ({@code invalid_blocks}): about 30 s in all, then the message goes without it.
     */
    static final List<Duration> IMAGE_WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15));
    /** After that, the image follows in the message's thread once Slack accepts it: tried this long. */
    static final List<Duration> LATE_IMAGE_WAITS = java.util.Collections.nCopies(20, Duration.ofSeconds(30));

    private final MethodsClient client;
    private final BlockKitRenderer renderer;
    private final RateLimitedCall calls;
    private final ExecutorService lateImages = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "slack-late-images");
        thread.setDaemon(true);
        return thread;
    });

    public SlackGateway(MethodsClient client, BlockKitRenderer renderer) {
        this(client, renderer, new RateLimitedCall(Telemetry.NONE));
    }

    SlackGateway(MethodsClient client, BlockKitRenderer renderer, RateLimitedCall calls) {
        this.client = client;
        this.renderer = renderer;
        this.calls = calls;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    /**
     * Opens the DM and posts into it. For a DM, "no such channel" or "not in the channel" means the
     * person cannot get one ({@code USER_UNREACHABLE}); other reasons (a person gone, throttling)
     * pass unchanged.
     */
    @Override
    public void sendDirect(ChatUser user, Message message) {
        try {
            String channel = calls.call("conversations.open",
                    () -> client.conversationsOpen(r -> r.users(List.of(user.userId())))).getChannel().getId();
            post(channel, message, Optional.empty());
        } catch (DeliveryException e) {
            DeliveryException.Reason reason = e.reason();
            throw reason == DeliveryException.Reason.NOT_IN_CHANNEL || reason == DeliveryException.Reason.CHANNEL_NOT_FOUND
                    ? new DeliveryException(DeliveryException.Reason.USER_UNREACHABLE, e.getMessage(), e) : e;
        }
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        String ts = post(channel.channelId(), message, Optional.empty(), true);
        return new PostedMessage(channel, ts);
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        post(parent.channel().channelId(), message, Optional.of(parent.messageId()), true);
    }

    /**
     * Posts a message to a channel or DM (in a thread when {@code threadTs} is given); its ts. A
     * message larger than one Slack message follows in more messages right after it. Its files (an
     * export, "mijn gegevens") follow as uploads shared in the same conversation.
     */
    String post(String channel, Message message, Optional<String> threadTs) {
        return post(channel, message, threadTs, false);
    }

    /** As above; {@code continueInThread}: the rest of a long message goes into the first one's thread (a channel post). */
    private String post(String channel, Message message, Optional<String> threadTs, boolean continueInThread) {
        Optional<String> fileId = message.image().map(this::upload);
        List<BlockKitRenderer.Rendered> pages = renderer.pages(message, fileId);
        Optional<String> first = Optional.empty();
        Optional<String> thread = threadTs;
        for (BlockKitRenderer.Rendered page : pages) {
            Optional<String> ts;
            try {
                Optional<String> pageThread = thread;
                Optional<String> imageThread = first.or(() -> threadTs);
                ts = first.isEmpty() ? postPage(channel, page, pageThread, imageThread)
                        : rest(() -> postPage(channel, page, pageThread, imageThread));
            } catch (DeliveryException e) {
                throw first.isEmpty() ? e : alreadyPosted(e, "a later part of it");
            }
            if (first.isEmpty()) {
                first = ts;
                if (continueInThread && thread.isEmpty()) {
                    thread = ts;
                }
            }
        }
        String ts = first.orElseThrow(() -> new DeliveryException(DeliveryException.Reason.OTHER,
                "chat.postMessage: nothing could be posted"));
        try {
            message.parts().stream().filter(Part.File.class::isInstance).map(Part.File.class::cast)
                    .forEach(file -> rest(() -> {
                        share(channel, file, threadTs);
                        return file;
                    }));
        } catch (DeliveryException e) {
            throw alreadyPosted(e, "its file");
        }
        return ts;
    }

    /**
     * The rest of a message whose first part is posted: waits in the rate limiter as a partner's
     * call does (a bulk delivery cannot be tried again from here without showing its start twice).
     */
    private static <T> T rest(java.util.function.Supplier<T> part) {
        return Lane.run(Lane.INTERACTIVE, part);
    }

    /**
     * A failure after the message (or its first part) was posted: the core would deliver the whole
     * message again on a temporary failure, which would show it twice, so it is reported as final.
     */
    private static DeliveryException alreadyPosted(DeliveryException e, String what) {
        return e.reason().temporary() ? new DeliveryException(DeliveryException.Reason.OTHER,
                "the message was posted, " + what + " not: " + e.getMessage(), e) : e;
    }

    /**
     * Posts one message; its ts (empty when it held only an image that is not ready yet). A just
     * uploaded image can take a while before a message may show it: tried again for
     * {@link #IMAGE_WAITS}, then posted without it and the image added to the thread
     * ({@code imageThread}, else this message's) once Slack accepts it.
     */
    private Optional<String> postPage(String channel, BlockKitRenderer.Rendered page, Optional<String> thread,
                                      Optional<String> imageThread) {
        List<LayoutBlock> images = page.blocks().stream().filter(ImageBlock.class::isInstance).toList();
        for (int attempt = 0; ; attempt++) {
            try {
                return Optional.of(postBlocks(channel, page.blocks(), page.fallbackText(), thread));
            } catch (DeliveryException e) {
                if (images.isEmpty() || !notReady(e)) {
                    throw e;
                }
                if (attempt >= IMAGE_WAITS.size()) {
                    break;
                }
                calls.pause(IMAGE_WAITS.get(attempt));
            }
        }
        List<LayoutBlock> rest = page.blocks().stream().filter(b -> !(b instanceof ImageBlock)).toList();
        Optional<String> ts = rest.isEmpty() ? Optional.empty()
                : Optional.of(postBlocks(channel, rest, page.fallbackText(), thread));
        Optional<String> lateThread = imageThread.or(() -> ts);
        LOG.info("Slack did not accept the image for {} s; the message went without it, the image follows in its thread",
                IMAGE_WAITS.stream().mapToLong(Duration::toSeconds).sum());
        lateImages.execute(() -> postLate(channel, images, page.fallbackText(), lateThread));
        return ts;
    }

    private void postLate(String channel, List<LayoutBlock> images, String fallbackText, Optional<String> thread) {
        for (Duration wait : LATE_IMAGE_WAITS) {
            try {
                calls.pause(wait);
                postBlocks(channel, images, fallbackText, thread);
                return;
            } catch (DeliveryException e) {
                if (!notReady(e)) {
                    LOG.warn("The image of a message could not be added to its thread: {}", e.getMessage());
                    return;
                }
            }
        }
        LOG.warn("Slack did not accept an uploaded image within {} minutes; it is not shown",
                LATE_IMAGE_WAITS.stream().mapToLong(Duration::toSeconds).sum() / 60);
    }

    private static boolean notReady(DeliveryException e) {
        return String.valueOf(e.getMessage()).endsWith("invalid_blocks");
    }

    private String postBlocks(String channel, List<LayoutBlock> blocks, String fallbackText, Optional<String> thread) {
        ChatPostMessageResponse response = calls.call("chat.postMessage", channel, () -> client.chatPostMessage(r -> r
                .channel(channel)
                .text(fallbackText)
                .blocks(blocks)
                .threadTs(thread.orElse(null))
                .unfurlLinks(false)
                .unfurlMedia(false)));
        return response.getTs();
    }

    /** Replaces a message the bot posted (after a click: the read-only version). */
    void update(String channel, String ts, List<LayoutBlock> blocks, String fallbackText) {
        calls.call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).blocks(blocks).text(fallbackText)));
    }

    /** Opens a modal for the person who just clicked ({@code triggerId} is valid for 3 s). */
    void openView(String triggerId, com.slack.api.model.view.View view) {
        calls.call("views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** Publishes a person's App Home tab. */
    void publishHome(String userId, List<LayoutBlock> blocks) {
        calls.call("views.publish", () -> client.viewsPublish(r -> r.userId(userId)
                .view(com.slack.api.model.view.View.builder().type("home").blocks(blocks).build())));
    }

    /** Uploads a file into the conversation, with what it is as the comment. */
    private void share(String channel, Part.File file, Optional<String> threadTs) {
        try {
            calls.call("files.uploadV2", () -> client.filesUploadV2(r -> r
                    .channel(channel)
                    .threadTs(threadTs.orElse(null))
                    .initialComment(SlackText.literal(file.description()))
                    .uploadFiles(List.of(FilesUploadV2Request.UploadFile.builder()
                            .fileData(file.content())
                            .filename(file.fileName())
                            .title(file.description())
                            .build()))));
        } catch (SlackFilesUploadV2Exception e) {
            throw new DeliveryException(DeliveryException.Reason.OTHER, "files.uploadV2 failed", e);
        }
    }

    /** Uploads the PNG privately (no channel): the message's image block shows it. */
    private String upload(Part.Image image) {
        FilesUploadV2Response response;
        try {
            response = calls.call("files.uploadV2", () -> client.filesUploadV2(r -> r
                .uploadFiles(List.of(FilesUploadV2Request.UploadFile.builder()
                        .fileData(image.png())
                        .filename(image.fileName())
                        .title(image.fileName())
                        .altTxt(SlackText.truncate(image.altText(), 1000))
                        .build()))));
        } catch (SlackFilesUploadV2Exception e) {
            throw new DeliveryException(DeliveryException.Reason.OTHER, "files.uploadV2 failed", e);
        }
        if (response.getFile() == null) {
            throw new DeliveryException(DeliveryException.Reason.OTHER, "files.uploadV2: no file in the response");
        }
        return response.getFile().getId();
    }
}
