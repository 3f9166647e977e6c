package nl.borgingsbot.core.checkin;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few words a partner can type inside a check-in, in Dutch and English alike
 * (start, verder, versturen, wijzig …).
 */
final class Keywords {

    private static final Set<String> START = Set.of("start", "begin", "beginnen", "starten");
    private static final Set<String> RESUME = Set.of("verder", "doorgaan", "continue", "resume");
    private static final Set<String> SUBMIT = Set.of("versturen", "verstuur", "verzenden", "verzend", "submit", "send");
    private static final Pattern EDIT = Pattern.compile("(?:wijzig|wijzigen|aanpassen|change|edit)(?:\\s+(\\S+))?");

    private Keywords() {
    }

    static boolean isStart(String text) {
        return START.contains(normalize(text));
    }

    static boolean isResume(String text) {
        return RESUME.contains(normalize(text));
    }

    static boolean isSubmit(String text) {
        return SUBMIT.contains(normalize(text));
    }

    /** For "wijzig 3" the target "3"; for a bare "wijzig" an empty target; empty when not an edit. */
    static Optional<String> editTarget(String text) {
        Matcher matcher = EDIT.matcher(normalize(text));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) == null ? "" : matcher.group(1));
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    }
}
