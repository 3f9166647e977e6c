package nl.borgingsbot.teams.spring;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.borgingsbot.teams.ImageLinks;

/**
 * {@code GET /api/images/<token>}: a report's radar that Teams refused inline, while its link
 * works ({@link ImageLinks}); 404 for an unknown or expired link. No authentication: Teams fetches
 * the image without a bot token, so the token's 256 random bits are what protects it.
 */
@RestController
public class TeamsImageController {

    private final ImageLinks links;

    public TeamsImageController(ImageLinks links) {
        this.links = links;
    }

    @GetMapping(ImageLinks.PATH + "{token}")
    public ResponseEntity<byte[]> image(@PathVariable String token) {
        return links.image(token)
                .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.noStore()).body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
