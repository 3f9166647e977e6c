package nl.borgingsbot.teams.spring;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.microsoft.bot.schema.Activity;

import nl.borgingsbot.core.inbox.Inbox;
import nl.borgingsbot.teams.ActivityJson;
import nl.borgingsbot.teams.RequestAuthenticator;
import nl.borgingsbot.teams.TeamsBot;

/**
 * The bot's messaging endpoint, {@code POST /api/messages}. The body is read as bytes and decoded
 * as UTF-8 here, then parsed with the Bot Framework SDK's own serialisation (Jackson 2) — not with
 * Spring's converters (Jackson 3). 401 without a valid token (when an app id is configured), 400
 * for a body that is not an activity, else 200 as soon as the core has accepted the activity — well
 * within Teams' 15 s; the work it causes (a round opened for every partner) and the replies follow
 * after the answer, and a retry of the same activity changes nothing.
 */
@RestController
public class TeamsController {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsController.class);

    private final RequestAuthenticator authenticator;
    private final TeamsBot bot;

    public TeamsController(RequestAuthenticator authenticator, TeamsBot bot) {
        this.authenticator = authenticator;
        this.bot = bot;
    }

    @PostMapping("/api/messages")
    public ResponseEntity<Void> messages(@RequestBody(required = false) byte[] body,
                                         @RequestHeader(name = "Authorization", required = false) String authorization) {
        if (authenticator.required() && (authorization == null || authorization.isBlank())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Activity activity;
        try {
            activity = ActivityJson.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            LOG.warn("Refused a request to /api/messages that is not an activity: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
        if (!authenticator.accepts(activity, authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        try {
            bot.onActivity(activity);
        } catch (Inbox.Busy e) {
            // not acknowledged: the Bot Connector sends the activity again later (the core logged it)
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").build();
        }
        return ResponseEntity.ok().build();
    }
}
