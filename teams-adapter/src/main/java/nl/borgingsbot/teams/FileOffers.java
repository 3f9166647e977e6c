package nl.borgingsbot.teams;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

/**
 * Files for a person to keep (an export, their data as JSON) in Teams' own way for a 1:1 chat:
 * the bot offers the file with a file consent card; when the person accepts, Teams hands the bot an
 * upload URL in their OneDrive, the bot uploads the bytes there and shows the file with a file info
 * card. Offered files wait here, in memory, for {@link #TTL}; after a restart an offer has to be
 * asked for again.
 */
public final class FileOffers {

    /** How long an offered file waits for the person to accept it. */
    public static final Duration TTL = Duration.ofHours(24);
    static final String CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
    static final String INFO_CARD = "application/vnd.microsoft.teams.card.file.info";
    static final String INVOKE_NAME = "fileConsent/invoke";
    private static final int MAX_PENDING = 200;
    private static final Logger LOG = LoggerFactory.getLogger(FileOffers.class);

    private record Pending(Part.File file, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final Clock clock;

    public FileOffers(Clock clock) {
        this.clock = clock;
    }

    /** The message as an activity: its Adaptive Card and a file consent card per file in it. */
    public Activity activity(Message message) {
        Activity activity = AdaptiveCards.activity(message);
        List<Attachment> attachments = new ArrayList<>(activity.getAttachments());
        for (Part part : message.parts()) {
            if (part instanceof Part.File file) {
                attachments.add(offer(file));
            }
        }
        activity.setAttachments(attachments);
        return activity;
    }

    private Attachment offer(Part.File file) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            pending.keySet().stream().findAny().ifPresent(pending::remove);
        }
        String id = UUID.randomUUID().toString();
        pending.put(id, new Pending(file, now.plus(TTL)));
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("description", file.description()).put("sizeInBytes", file.content().length);
        content.putObject("acceptContext").put("fileId", id);
        content.putObject("declineContext").put("fileId", id);
        Attachment consent = new Attachment();
        consent.setContentType(CONSENT_CARD);
        consent.setName(file.fileName());
        consent.setContent(content);
        return consent;
    }

    /** Whether an activity is a person's answer to a file consent card. */
    public static boolean isConsent(Activity activity) {
        return ActivityTypes.INVOKE.equals(activity.getType()) && INVOKE_NAME.equals(activity.getName());
    }

    /**
     * Handles an answer to a file consent card: on accept, uploads the file to the URL Teams gave
     * and returns the file info card to show; on decline (or for an unknown or expired offer),
     * forgets it and returns nothing.
     */
    public Optional<Activity> onConsent(Activity invoke) {
        JsonNode value = Serialization.objectToTree(invoke.getValue());
        String id = value.path("context").path("fileId").asText("");
        Pending offer = pending.remove(id);
        if (offer == null || offer.expires().isBefore(clock.instant())
                || !"accept".equals(value.path("action").asText())) {
            return Optional.empty();
        }
        JsonNode upload = value.path("uploadInfo");
        try {
            upload(URI.create(upload.path("uploadUrl").asText()), offer.file().content());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not upload a file to Teams: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Attachment info = new Attachment();
        info.setContentType(INFO_CARD);
        info.setContentUrl(upload.path("contentUrl").asText());
        info.setName(upload.path("name").asText(offer.file().fileName()));
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("uniqueId", upload.path("uniqueId").asText()).put("fileType", upload.path("fileType").asText());
        info.setContent(content);
        Activity shown = new Activity(ActivityTypes.MESSAGE);
        shown.setAttachments(List.of(info));
        return Optional.of(shown);
    }

    private void upload(URI uploadUrl, byte[] content) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uploadUrl).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (content.length > 0) {
            request.header("Content-Range", "bytes 0-" + (content.length - 1) + "/" + content.length);
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IOException("the upload URL answered " + status);
        }
    }
}
