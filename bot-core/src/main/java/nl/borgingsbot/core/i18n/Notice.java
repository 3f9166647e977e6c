package nl.borgingsbot.core.i18n;

import java.util.List;

/** Something to tell the partner before the next question: a bundle key with its arguments. */
public record Notice(String key, List<Object> args) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String key, Object... args) {
        return new Notice(key, List.of(args));
    }
}
