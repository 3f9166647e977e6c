package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.testing.MutableClock;

/** Links to the bot's own images: unguessable, working until they expire, none without a public URL. */
class ImageLinksTest {

    @Test
    void aLinkWorksUntilItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        ImageLinks links = new ImageLinks(Optional.of("https://bot.example.org/"), clock);
        byte[] png = {1, 2, 3};

        String link = links.link(png).orElseThrow();
        String other = links.link(png).orElseThrow();
        assertThat(link).startsWith("https://bot.example.org/api/images/").isNotEqualTo(other);
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(links.image(token)).hasValue(png);
        clock.advance(ImageLinks.TTL.minus(Duration.ofMinutes(1)));
        assertThat(links.image(token)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(links.image(token)).isEmpty();
        assertThat(links.image("unknown")).isEmpty();
    }

    @Test
    void withoutAPublicUrlNothingIsLinked() {
        assertThat(ImageLinks.none().link(new byte[] {1})).isEmpty();
        assertThat(ImageLinks.none().enabled()).isFalse();
    }
}
