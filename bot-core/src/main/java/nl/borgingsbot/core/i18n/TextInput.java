package nl.borgingsbot.core.i18n;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Cleans and checks text a partner typed: trimmed, line endings unified, Unicode NFC (so "één"
 * typed two ways is one text). Refuses empty text, text over {@link #MAX_LENGTH} characters and
 * control characters other than newline and tab.
 */
public final class TextInput {

    public static final int MAX_LENGTH = 2000;

    private TextInput() {
    }

    public static String clean(String raw) {
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(unified, Normalizer.Form.NFC).strip();
    }

    /** The reason {@code cleaned} is not acceptable, as a notice; empty when it is fine. */
    public static Optional<Notice> problem(String cleaned) {
        if (cleaned.isEmpty()) {
            return Optional.of(Notice.of("invalid.empty"));
        }
        if (cleaned.length() > MAX_LENGTH) {
            return Optional.of(Notice.of("invalid.tooLong", MAX_LENGTH, cleaned.length()));
        }
        if (cleaned.codePoints().anyMatch(TextInput::isForbiddenControl)) {
            return Optional.of(Notice.of("invalid.control"));
        }
        return Optional.empty();
    }

    private static boolean isForbiddenControl(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || codePoint == 0x202E || codePoint == 0x202D; // bidi overrides hide what text says
    }
}
