package nl.borgingsbot.core.chat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import nl.borgingsbot.core.testing.RecordingGateway;

/** The in-memory gateway behind every core test keeps the same contract as the real platforms. */
class RecordingGatewayContractTest extends ChatGatewayContract {

    private final RecordingGateway gateway = new RecordingGateway(Platform.of("slack"));
    private final ChatUser person = new ChatUser(Platform.of("slack"), "T1", "U1");
    private final ChatChannel channel = new ChatChannel(Platform.of("slack"), "T1", "C1");

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

    @Override
    protected List<Received> received() {
        return Stream.of(
                gateway.directs().stream().map(d -> received(toUser(d.user().userId()), Optional.empty(), d.message())),
                gateway.posts().stream().map(p -> received(toChannel(p.posted().channel().channelId()), Optional.empty(),
                        p.message())),
                gateway.replies().stream().map(r -> received(toChannel(r.parent().channel().channelId()),
                        Optional.of(r.parent().messageId()), r.message())))
                .flatMap(s -> s).toList();
    }

    private static Received received(String to, Optional<String> thread, Message message) {
        return new Received(to, thread, new TextRenderer(image -> "[" + image.altText() + "]").render(message),
                (int) message.parts().stream().filter(Part.Image.class::isInstance).count(),
                message.parts().stream().filter(Part.File.class::isInstance).map(f -> ((Part.File) f).fileName()).toList());
    }

    @Override
    protected boolean fail(Failure failure) {
        switch (failure) {
            case USER_GONE -> gateway.failFor(person.userId(), DeliveryException.Reason.USER_GONE, Optional.empty());
            case USER_UNREACHABLE -> gateway.makeUnreachable(person.userId());
            case NOT_IN_CHANNEL -> gateway.removeFromChannel(channel.channelId());
            case CHANNEL_NOT_FOUND -> gateway.failFor(channel.channelId(), DeliveryException.Reason.CHANNEL_NOT_FOUND,
                    Optional.empty());
            case THROTTLED -> gateway.failFor(person.userId(), DeliveryException.Reason.TEMPORARY, Optional.of(RETRY_AFTER));
        }
        return true;
    }
}
