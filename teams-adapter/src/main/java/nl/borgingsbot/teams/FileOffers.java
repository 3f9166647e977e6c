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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

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
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Region;

/**
 * Files for a person to keep (an export, their data as JSON) in Teams' own way for a 1:1 chat:
 * the bot offers the file with a file consent card; when the person accepts, Teams hands the bot an
 * upload URL in their OneDrive, the bot uploads the bytes there and shows the file with a file info
 * card. Offered files wait in the bot's database (table {@code teams_file_offer}, migration V8) for
 * {@link #TTL}, so an offer survives a restart; expired offers are removed, and accepting one
 * says that it expired and how to ask again.
 */
public final class FileOffers {

    /** How long an offered file waits for the person to accept it. */
    public static final Duration TTL = Duration.ofHours(24);
    static final String CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
    static final String INFO_CARD = "application/vnd.microsoft.teams.card.file.info";
    static final String INVOKE_NAME = "fileConsent/invoke";
    private static final Logger LOG = LoggerFactory.getLogger(FileOffers.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final DataSource dataSource;
    private final Clock clock;

    /** Migrates the adapter's tables first ({@link TeamsTables}); {@code dataSource}: the core's {@code Database#dataSource()}. */
    public FileOffers(DataSource dataSource, Clock clock) {
        TeamsTables.migrate(dataSource);
        this.dataSource = dataSource;
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
        String id = UUID.randomUUID().toString();
        store(id, file, clock.instant().plus(TTL));
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
     * and returns the file info card to show — or, for an offer that expired (or was used up
     * already), a sentence saying so and how to ask again; on decline, forgets it and returns nothing.
     */
    public Optional<Activity> onConsent(Activity invoke) {
        JsonNode value = Serialization.objectToTree(invoke.getValue());
        String id = value.path("context").path("fileId").asText("");
        Optional<Pending> offer = take(id);
        if (!"accept".equals(value.path("action").asText())) {
            return Optional.empty();
        }
        if (offer.isEmpty() || !offer.get().expires().isAfter(clock.instant())) {
            return Optional.of(AdaptiveCards.activity(Message.text(Texts.of(Region.DUTCH).get("files.offerExpired"))));
        }
        Part.File file = offer.get().file();
        JsonNode upload = value.path("uploadInfo");
        try {
            upload(URI.create(upload.path("uploadUrl").asText()), file.content());
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
        info.setName(upload.path("name").asText(file.fileName()));
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("uniqueId", upload.path("uniqueId").asText()).put("fileType", upload.path("fileType").asText());
        info.setContent(content);
        Activity shown = new Activity(ActivityTypes.MESSAGE);
        shown.setAttachments(List.of(info));
        return Optional.of(shown);
    }

    private record Pending(Part.File file, Instant expires) {
    }

    /** Stores an offer, and removes the offers that have expired. */
    private void store(String id, Part.File file, Instant expires) {
        write("store a Teams file offer", connection -> {
            removeExpired(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO teams_file_offer"
                    + " (id, file_name, media_type, description, content, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, file.fileName());
                insert.setString(3, file.mediaType());
                insert.setString(4, file.description());
                insert.setBytes(5, file.content());
                insert.setLong(6, expires.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Removes an offer and returns it (also when it has expired); removes the offers that have expired. */
    private Optional<Pending> take(String id) {
        return write("take a Teams file offer", connection -> {
            Optional<Pending> offer = Optional.empty();
            try (PreparedStatement select = connection.prepareStatement("SELECT file_name, media_type, description,"
                    + " content, expires_at FROM teams_file_offer WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        offer = Optional.of(new Pending(new Part.File(row.getBytes(4), row.getString(1), row.getString(2),
                                row.getString(3)), Instant.ofEpochMilli(row.getLong(5))));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM teams_file_offer WHERE id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            removeExpired(connection);
            return offer;
        });
    }

    private void removeExpired(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM teams_file_offer WHERE expires_at <= ?")) {
            delete.setLong(1, clock.instant().toEpochMilli());
            delete.executeUpdate();
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** One short transaction (on SQLite it begins IMMEDIATE, through the core's connections). */
    private <T> T write(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new TeamsStoreException("Could not " + what + ": " + e.getMessage(), e);
        }
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
