package nl.borgingsbot.core.chat;

/** A gateway whose deliveries are retried while the platform throttles them ({@link DeliveryRetry}). */
final class RetryingGateway implements ChatGateway {

    private final ChatGateway gateway;
    private final DeliveryRetry retry;

    RetryingGateway(ChatGateway gateway, DeliveryRetry retry) {
        this.gateway = gateway;
        this.retry = retry;
    }

    @Override
    public Platform platform() {
        return gateway.platform();
    }

    @Override
    public void sendDirect(ChatUser user, Message message) {
        retry.deliver(platform().key() + " DM", () -> {
            gateway.sendDirect(user, message);
            return null;
        });
    }

    @Override
    public PostedMessage postToChannel(ChatChannel channel, Message message) {
        return retry.deliver(platform().key() + " channel post", () -> gateway.postToChannel(channel, message));
    }

    @Override
    public void replyInThread(PostedMessage parent, Message message) {
        retry.deliver(platform().key() + " thread reply", () -> {
            gateway.replyInThread(parent, message);
            return null;
        });
    }
}
