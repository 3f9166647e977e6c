package nl.borgingsbot.core.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connected chat platforms, one gateway each. A delivery the platform throttles is retried
 * here, the same way for every platform ({@link DeliveryRetry}).
 */
public final class Gateways {

    private final Map<Platform, ChatGateway> byPlatform = new HashMap<>();
    private final Map<Platform, ChatGateway> once = new HashMap<>();
    private final DeliveryRetry retry;

    public Gateways(List<ChatGateway> gateways) {
        this(gateways, DeliveryRetry.standard());
    }

    public Gateways(List<ChatGateway> gateways, DeliveryRetry retry) {
        this.retry = retry;
        gateways.forEach(g -> byPlatform.put(g.platform(), new RetryingGateway(g, retry)));
        gateways.forEach(g -> once.put(g.platform(), g));
    }

    /** How throttled deliveries are retried (the outbox reschedules its rows by it). */
    public DeliveryRetry retry() {
        return retry;
    }

    /**
     * The gateway of a platform that tries each delivery once, for a caller that retries by
     * itself (the outbox); a {@link DeliveryException} when that platform is not connected.
     */
    public ChatGateway attemptOnce(Platform platform) {
        return require(once.get(platform), platform);
    }

    /** True when no chat platform is connected (the demo). */
    public boolean isEmpty() {
        return byPlatform.isEmpty();
    }

    /** The gateway of a platform; a {@link DeliveryException} when that platform is not connected. */
    public ChatGateway of(Platform platform) {
        return require(byPlatform.get(platform), platform);
    }

    private static ChatGateway require(ChatGateway gateway, Platform platform) {
        if (gateway == null) {
            throw new DeliveryException(DeliveryException.Reason.OTHER, platform.key() + " is not connected");
        }
        return gateway;
    }
}
