package nl.borgingsbot.slack;

import java.util.List;
import java.util.Optional;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.block.LayoutBlock;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatGateway;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.PostedMessage;
import nl.borgingsbot.core.telemetry.Telemetry;

/**
 * The core's {@link ChatGateway} for Slack, on the Web API: a DM is {@code conversations.open}
 * plus {@code chat.postMessage}; an image goes up with the external upload API
 * ({@code filesUploadV2}) and is shown in the message's blocks; thread replies carry the parent's
 * {@code ts}. Rate limits are waited out; Slack errors become {@link DeliveryException}s.
 */
public final class SlackGateway implements ChatGateway {

    static final int IMAGE_ATTEMPTS = 3;
    static final java.time.Duration IMAGE_WAIT = java.time.Duration.ofSeconds(1);

    private final MethodsClient client;
    private final BlockKitRenderer renderer;
    private final RateLimitedCall calls;

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
        return Platform.SLACK;
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
        String ts = post(channel.channelId(), message, Optional.empty());
        return new PostedMessage(channel, ts);
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        post(parent.channel().channelId(), message, Optional.of(parent.messageId()));
    }

    /**
     * Posts a message to a channel or DM (in a thread when {@code threadTs} is given); its ts. Its
     * files (an export, "mijn gegevens") follow as uploads shared in the same conversation.
     */
    String post(String channel, Message message, Optional<String> threadTs) {
        String ts = postBlocks(channel, message, threadTs);
        try {
            message.parts().stream().filter(Part.File.class::isInstance).map(Part.File.class::cast)
                    .forEach(file -> share(channel, file, threadTs));
        } catch (DeliveryException e) {
            // the message is there: delivering it again would show it twice
            throw e.reason().temporary() ? new DeliveryException(DeliveryException.Reason.OTHER,
                    "the message was posted, its file not: " + e.getMessage(), e) : e;
        }
        return ts;
    }

    private String postBlocks(String channel, Message message, Optional<String> threadTs) {
        Optional<String> fileId = message.image().map(this::upload);
        BlockKitRenderer.Rendered rendered = renderer.render(message, fileId);
        for (int attempt = 1; ; attempt++) {
            try {
                ChatPostMessageResponse response = calls.call("chat.postMessage", () -> client.chatPostMessage(r -> r
                        .channel(channel)
                        .text(rendered.fallbackText())
                        .blocks(rendered.blocks())
                        .threadTs(threadTs.orElse(null))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
                return response.getTs();
            } catch (DeliveryException e) {
                // a just uploaded image can take a moment before a message may show it
                if (fileId.isEmpty() || attempt >= IMAGE_ATTEMPTS || !String.valueOf(e.getMessage()).endsWith("invalid_blocks")) {
                    throw e;
                }
                calls.pause(IMAGE_WAIT);
            }
        }
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
