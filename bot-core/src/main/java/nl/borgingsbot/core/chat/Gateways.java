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

    public Gateways(List<ChatGateway> gateways) {
        this(gateways, DeliveryRetry.standard());
    }

    public Gateways(List<ChatGateway> gateways, DeliveryRetry retry) {
        gateways.forEach(g -> byPlatform.put(g.platform(), new RetryingGateway(g, retry)));
    }

    /** True when no chat platform is connected (the demo). */
    public boolean isEmpty() {
        return byPlatform.isEmpty();
    }

    /** The gateway of a platform; a {@link DeliveryException} when that platform is not connected. */
    public ChatGateway of(Platform platform) {
        ChatGateway gateway = byPlatform.get(platform);
        if (gateway == null) {
            throw new DeliveryException(DeliveryException.Reason.OTHER, platform.key() + " is not connected");
        }
        return gateway;
    }
}
