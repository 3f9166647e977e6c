package nl.borgingsbot.core.national;

import java.time.Instant;
import java.util.Set;

/** Which regions share their element means with the national comparison. Implemented in {@code store}. */
public interface ConsentRepository {

    /** Whether the region shares; false when it never said (the default). */
    boolean sharing(long regionId);

    void set(long regionId, boolean sharing, Instant at);

    /** The ids of the regions that share now. */
    Set<Long> sharingRegions();
}
