package nl.borgingsbot.core.questionnaire;

import java.util.List;
import java.util.Locale;

/** The answer scale: 1 (helemaal niet) .. 5 (helemaal wel), one label per point. */
public record Scale(int min, int max, List<LocalizedText> labels) {

    public Scale {
        labels = List.copyOf(labels);
        if (min != 1 || max != 5) {
            throw new IllegalArgumentException("scale must run from 1 to 5, was " + min + ".." + max);
        }
        if (labels.size() != max - min + 1) {
            throw new IllegalArgumentException("scale needs " + (max - min + 1) + " labels, has " + labels.size());
        }
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    public String label(int value, Locale locale) {
        return labels.get(value - min).in(locale);
    }
}
