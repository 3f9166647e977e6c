package nl.borgingsbot.core.personal;

/** Whether a partner wants their own result after each round ('mijn resultaat uit' / 'aan'). Implemented in {@code store}. */
public interface PersonalResultSettings {

    /** True unless the partner switched it off; on by default. */
    boolean wanted(long partnerId);

    /** Switches the partner's own result on or off. */
    void setWanted(long partnerId, boolean wanted);
}
