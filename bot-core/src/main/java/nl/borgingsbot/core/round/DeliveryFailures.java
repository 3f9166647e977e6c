package nl.borgingsbot.core.round;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Gateways;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.i18n.Texts;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.region.RegionRepository;

/**
 * Tells a region's programme managers, in their DM, that a partner could not be reached and the
 * real cause in plain words: once per partner, round and cause — not once per attempt or per
 * message (the invitation and the reminders of one round that fail alike are one report).
 * Throttled deliveries reach this only after {@link nl.borgingsbot.core.chat.DeliveryRetry} gave
 * up on them.
 */
final class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final RegionRepository regions;
    private final DeliveryFailureLog log;
    private final Gateways gateways;
    private final Clock clock;

    DeliveryFailures(RegionRepository regions, DeliveryFailureLog log, Gateways gateways, Clock clock) {
        this.regions = regions;
        this.log = log;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** Reports that a message of {@code round} could not reach {@code partner}. */
    void report(Region region, Round round, Partner partner, DeliveryException failure) {
        if (!log.claim(partner.id(), "round:" + round.id(), failure.reason(), clock.instant())) {
            return;
        }
        Texts texts = Texts.of(region.language());
        Message message = Message.text(texts.get("delivery.failed", round.number(), region.name(), partner.name(),
                partner.organisation(), texts.get(causeKey(failure.reason()))));
        for (ChatUser manager : regions.managers(region.id())) {
            try {
                gateways.of(manager.platform()).sendDirect(manager, message);
            } catch (DeliveryException e) {
                LOG.warn("could not tell a programme manager of region {} that a partner was not reached: {}",
                        region.id(), e.reason());
            }
        }
    }

    /** The bundle key of a failure's cause, the same for every platform. */
    static String causeKey(DeliveryException.Reason reason) {
        return "delivery.cause." + reason.name().toLowerCase(Locale.ROOT);
    }
}
