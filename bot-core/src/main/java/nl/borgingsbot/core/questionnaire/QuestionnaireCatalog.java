package nl.borgingsbot.core.questionnaire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The questionnaires the bot knows, by id, in the order they were given. Immutable. */
public final class QuestionnaireCatalog {

    private final Map<String, Questionnaire> byId;

    private QuestionnaireCatalog(Map<String, Questionnaire> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** A catalog of these questionnaires; two with the same id is a {@link QuestionnaireException} naming both. */
    public static QuestionnaireCatalog of(List<Questionnaire> questionnaires) {
        Map<String, Questionnaire> byId = new LinkedHashMap<>();
        for (Questionnaire questionnaire : questionnaires) {
            Questionnaire earlier = byId.putIfAbsent(questionnaire.id(), questionnaire);
            if (earlier != null) {
                throw new QuestionnaireException("two questionnaires have the id '" + questionnaire.id() + "' ('"
                        + earlier.title().dutch() + "' and '" + questionnaire.title().dutch()
                        + "'); every questionnaire needs its own id");
            }
        }
        return new QuestionnaireCatalog(byId);
    }

    /** The questionnaire with this id, if there is one. */
    public Optional<Questionnaire> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The questionnaire with this id; a {@link QuestionnaireException} naming the known ids when there is none. */
    public Questionnaire require(String id) {
        return byId(id).orElseThrow(() -> new QuestionnaireException(
                "unknown questionnaire '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")"));
    }

    /** All questionnaires, in the order they were given. */
    public List<Questionnaire> all() {
        return List.copyOf(byId.values());
    }

    /** All ids, in the order the questionnaires were given. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(byId.keySet()));
    }
}
