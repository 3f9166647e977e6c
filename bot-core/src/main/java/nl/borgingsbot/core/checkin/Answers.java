package nl.borgingsbot.core.checkin;

import java.util.Map;

/**
 * What one partner answered in one round so far: reflections by prompt id and scores by element id.
 */
public record Answers(Map<String, String> reflections, Map<String, Score> scores) {

    public static final Answers NONE = new Answers(Map.of(), Map.of());

    public Answers {
        reflections = Map.copyOf(reflections);
        scores = Map.copyOf(scores);
    }
}
