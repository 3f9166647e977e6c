package nl.borgingsbot.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QuestionnaireCatalogTest {

    private static Questionnaire questionnaire(String id, String title) {
        Scale scale = new Scale(1, 5, List.of(LocalizedText.dutch("helemaal niet"), LocalizedText.dutch("2"),
                LocalizedText.dutch("3"), LocalizedText.dutch("4"), LocalizedText.dutch("helemaal wel")));
        Prompt prompt = new Prompt("denken", LocalizedText.dutch("Ik denk aan …"), LocalizedText.dutch("Denken we aan"));
        Statement statement = new Statement(1, new Element("cultuur", LocalizedText.dutch("Cultuur"),
                LocalizedText.dutch("Tip.")), LocalizedText.dutch("Stelling."));
        return new Questionnaire(id, new LocalizedText(Map.of("nl", title)), LocalizedText.dutch("Vraag?"), scale,
                List.of(prompt), List.of(statement));
    }

    private final Questionnaire sto = questionnaire("sto-borging", "Borgingscheck");
    private final Questionnaire tool = questionnaire("samenwerking", "Samenwerkingstool");

    @Test
    void findsQuestionnairesByIdInTheOrderGiven() {
        QuestionnaireCatalog catalog = QuestionnaireCatalog.of(List.of(sto, tool));

        assertThat(catalog.ids()).containsExactly("sto-borging", "samenwerking");
        assertThat(catalog.all()).containsExactly(sto, tool);
        assertThat(catalog.byId("samenwerking")).contains(tool);
        assertThat(catalog.byId("onbekend")).isEmpty();
        assertThat(catalog.require("sto-borging")).isSameAs(sto);
    }

    @Test
    void twoQuestionnairesWithOneIdAreRefusedNamingBoth() {
        Questionnaire copy = questionnaire("sto-borging", "Eigen borgingscheck");

        assertThatThrownBy(() -> QuestionnaireCatalog.of(List.of(sto, tool, copy)))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessage("two questionnaires have the id 'sto-borging' ('Borgingscheck' and 'Eigen borgingscheck');"
                        + " every questionnaire needs its own id");
    }

    @Test
    void requiringAnUnknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> QuestionnaireCatalog.of(List.of(sto, tool)).require("onbekend"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessage("unknown questionnaire 'onbekend' (known: sto-borging, samenwerking)");
    }

    @Test
    void isUnmodifiable() {
        QuestionnaireCatalog catalog = QuestionnaireCatalog.of(List.of(sto));

        assertThatThrownBy(() -> catalog.ids().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.all().add(tool)).isInstanceOf(UnsupportedOperationException.class);
    }
}
