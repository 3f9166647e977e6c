package nl.borgingsbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatGateway} does, checked against what its platform (a local fake over real
 * HTTP, or an in-memory one) received — like the repository contract does for every database.
 * A subclass gives the gateway, a person and a channel the bot can reach, a way to read back what
 * the platform received, and a way to make the platform fail as it really does.
 *
 * <p>Run against the Slack gateway (fake Web API), the Teams gateway (fake Bot Connector), the
 * core's recording gateway and the demo's console gateway. {@code ChatGateway} has no update, so
 * there is no update case.
 */
public abstract class ChatGatewayContract {

    /** Where a message arrived: a person's direct messages or a channel. */
    public static String toUser(String userId) {
        return "user:" + userId;
    }

    public static String toChannel(String channelId) {
        return "channel:" + channelId;
    }

    /**
     * One thing the platform received, in neutral terms: where ({@link #toUser}, {@link #toChannel}),
     * in the thread of which posted message, the text a person sees, how many images it showed and
     * the names of the files it offered.
     */
    public record Received(String to, Optional<String> thread, String text, int images, List<String> files) {
        public Received {
            files = List.copyOf(files);
        }
    }

    /** A way a platform refuses a delivery. */
    public enum Failure {
        /** The person's account no longer exists. */
        USER_GONE,
        /** The person cannot get a direct message from the bot. */
        USER_UNREACHABLE,
        /** The bot is not in the channel. */
        NOT_IN_CHANNEL,
        /** The channel no longer exists. */
        CHANNEL_NOT_FOUND,
        /** The platform throttles, and says how long to wait; it keeps doing so for this test. */
        THROTTLED
    }

    protected static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    protected abstract ChatGateway gateway();

    /** A person the bot can send a direct message to. */
    protected abstract ChatUser person();

    /** A channel the bot is in. */
    protected abstract ChatChannel channel();

    /** What the platform received during this test, oldest first. */
    protected abstract List<Received> received();

    /**
     * Makes the platform refuse the next delivery this way (to {@link #person()} for the user
     * failures and {@link #THROTTLED}, to {@link #channel()} for the channel ones), as the real
     * platform answers; a throttled platform answers with {@link #RETRY_AFTER}. False when this
     * platform has no such answer (the test is then skipped, and says why).
     */
    protected abstract boolean fail(Failure failure);

    private List<Received> receivedAt(String to) {
        return received().stream().filter(r -> r.to().equals(to)).toList();
    }

    @Test
    void aDirectMessageReachesThePersonAlone() {
        gateway().sendDirect(person(), Message.of(new Part.Heading("Check-in Regio Noord"),
                new Part.Paragraph("Hallo Anna, de vragen staan klaar.")));

        assertThat(received()).singleElement().satisfies(dm -> {
            assertThat(dm.to()).isEqualTo(toUser(person().userId()));
            assertThat(dm.thread()).isEmpty();
            assertThat(dm.text()).contains("Check-in Regio Noord").contains("Hallo Anna, de vragen staan klaar.");
            assertThat(dm.images()).isZero();
        });
    }

    @Test
    void aChannelPostShowsItsImageAndIsReferencedInItsChannel() {
        PostedMessage posted = gateway().postToChannel(channel(), Message.of(new Part.Heading("Rapport ronde 3"),
                new Part.Image(png(), "Radar van regio Noord", "radar.png"), new Part.Paragraph("Laagste score: Structuur")));

        assertThat(posted.channel()).isEqualTo(channel());
        assertThat(posted.messageId()).isNotBlank();
        List<Received> inChannel = receivedAt(toChannel(channel().channelId()));
        assertThat(inChannel).isNotEmpty().allSatisfy(post -> assertThat(post.thread()).isEmpty());
        assertThat(inChannel.stream().mapToInt(Received::images).sum()).isEqualTo(1);
        assertThat(String.join("\n", inChannel.stream().map(Received::text).toList()))
                .contains("Rapport ronde 3").contains("Laagste score: Structuur");
        assertThat(received()).hasSameSizeAs(inChannel);
    }

    @Test
    void aThreadReplyGoesUnderThePostItAnswers() {
        PostedMessage posted = gateway().postToChannel(channel(), Message.text("Rapport ronde 3"));
        gateway().replyInThread(posted, Message.text("Reflecties van de partners"));

        assertThat(receivedAt(toChannel(channel().channelId()))).satisfiesExactly(
                post -> assertThat(post.text()).contains("Rapport ronde 3"),
                reply -> {
                    assertThat(reply.thread()).contains(posted.messageId());
                    assertThat(reply.text()).contains("Reflecties van de partners");
                });
    }

    @Test
    void aFileInADirectMessageIsOfferedToThePerson() {
        byte[] csv = "element;gemiddelde\nStructuur;3,5\n".getBytes(StandardCharsets.UTF_8);
        gateway().sendDirect(person(), Message.of(new Part.Paragraph("Je export van ronde 3"),
                new Part.File(csv, "ronde-3.csv", "text/csv", "Export van ronde 3")));

        List<Received> toPerson = receivedAt(toUser(person().userId()));
        assertThat(toPerson).isNotEmpty().hasSameSizeAs(received());
        assertThat(toPerson.stream().flatMap(r -> r.files().stream())).containsExactly("ronde-3.csv");
        assertThat(String.join("\n", toPerson.stream().map(Received::text).toList())).contains("Je export van ronde 3");
    }

    @Test
    void aPersonWhoIsGoneIsReportedAsGone() {
        assumeTrue(fail(Failure.USER_GONE), "this platform cannot tell a person who is gone");
        assertDirectFails(DeliveryException.Reason.USER_GONE);
    }

    @Test
    void aPersonWhoCannotGetADirectMessageIsUnreachable() {
        assumeTrue(fail(Failure.USER_UNREACHABLE), "this platform cannot refuse a direct message");
        assertDirectFails(DeliveryException.Reason.USER_UNREACHABLE);
    }

    @Test
    void aChannelWithoutTheBotIsNotInChannel() {
        assumeTrue(fail(Failure.NOT_IN_CHANNEL), "this platform cannot refuse a channel post");
        assertPostFails(DeliveryException.Reason.NOT_IN_CHANNEL);
    }

    @Test
    void aChannelThatIsGoneIsNotFound() {
        assumeTrue(fail(Failure.CHANNEL_NOT_FOUND), "this platform cannot lose a channel");
        assertPostFails(DeliveryException.Reason.CHANNEL_NOT_FOUND);
    }

    @Test
    void aThrottledDeliveryIsTemporaryAndSaysWhenToTryAgain() {
        assumeTrue(fail(Failure.THROTTLED), "this platform does not throttle");
        // bulk work (a reminder) hears of the throttle at once; a partner's own call would wait it out
        assertThatThrownBy(() -> Lane.run(Lane.BULK, () -> {
            gateway().sendDirect(person(), Message.text("Herinnering"));
            return null;
        })).isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.TEMPORARY);
                    assertThat(e.reason().temporary()).isTrue();
                    assertThat(e.retryAfter()).contains(RETRY_AFTER);
                });
        assertThat(receivedAt(toUser(person().userId()))).isEmpty();
    }

    private void assertDirectFails(DeliveryException.Reason reason) {
        assertThatThrownBy(() -> gateway().sendDirect(person(), Message.text("Hallo")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.reason().temporary()).isFalse();
                });
        assertThat(receivedAt(toUser(person().userId()))).isEmpty();
    }

    private void assertPostFails(DeliveryException.Reason reason) {
        assertThatThrownBy(() -> gateway().postToChannel(channel(), Message.text("Rapport")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.reason().temporary()).isFalse();
                });
        assertThat(receivedAt(toChannel(channel().channelId()))).isEmpty();
    }

    /** A real PNG (a 4×4 image, encoded by the JDK). */
    protected static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2E7D32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
