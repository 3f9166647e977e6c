package nl.borgingsbot.core.i18n;

import java.util.Arrays;
import java.util.Locale;

/**
 * A mistake in what someone gave the bot — a setting, a file, a command-line argument — told in
 * their language: what is wrong, where, and what is possible. The text comes from the bundles
 * ({@link #text(Texts)}); {@link #getMessage()} is the English one, for logs and tests.
 */
public class Refusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public Refusal(String key, Object... args) {
        super(Texts.of(Locale.ENGLISH).get(key, args));
        this.key = key;
        this.args = Arrays.copyOf(args, args.length);
    }

    /** The bundle key, e.g. {@code config.regions.notABoolean}. */
    public String key() {
        return key;
    }

    /** The refusal in the language of {@code texts}. */
    public String text(Texts texts) {
        return texts.get(key, args);
    }
}
