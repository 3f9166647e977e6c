package nl.borgingsbot.core.questionnaire;

import java.util.List;
import java.util.Optional;

/** A questionnaire as loaded from its YAML file: data, not code. */
public record Questionnaire(String id, LocalizedText title, LocalizedText question, Scale scale,
                            List<Prompt> prompts, List<Statement> statements) {

    public Questionnaire {
        prompts = List.copyOf(prompts);
        statements = List.copyOf(statements);
    }

    public List<Element> elements() {
        return statements.stream().map(Statement::element).toList();
    }

    public Optional<Statement> statement(String elementId) {
        return statements.stream().filter(s -> s.element().id().equals(elementId)).findFirst();
    }
}
