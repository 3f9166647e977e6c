package nl.borgingsbot.slack.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.QuestionnaireLoader;

/** The real questionnaire files the application ships, loaded with the real loader. */
public final class Questionnaires {

    private static final Path DIR = Path.of("..", "config", "questionnaires");

    private Questionnaires() {
    }

    public static QuestionnaireCatalog catalog() {
        List<Questionnaire> all = new ArrayList<>();
        for (String id : List.of("sto-borging", "samenwerking")) {
            Path file = DIR.resolve(id + ".yml");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                all.add(QuestionnaireLoader.parse(file.getFileName().toString(), reader));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
            }
        }
        return QuestionnaireCatalog.of(all);
    }
}
