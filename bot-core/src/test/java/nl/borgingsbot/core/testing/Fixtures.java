package nl.borgingsbot.core.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.QuestionnaireLoader;

/** The real questionnaire files the application ships, loaded with the real loader. */
public final class Fixtures {

    public static final Path QUESTIONNAIRES = Path.of("..", "config", "questionnaires");

    /** The platforms of the core's tests: the two adapters' keys, named here as config registers them. */
    public static final Platforms PLATFORMS = Platforms.of(Platform.of("slack"), Platform.of("teams"));

    private Fixtures() {
    }

    public static Questionnaire questionnaire(String id) {
        Path file = QUESTIONNAIRES.resolve(id + ".yml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return QuestionnaireLoader.parse(file.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    public static Questionnaire stoBorging() {
        return questionnaire("sto-borging");
    }

    public static QuestionnaireCatalog catalog() {
        return QuestionnaireCatalog.of(List.of(stoBorging(), questionnaire("samenwerking")));
    }
}
