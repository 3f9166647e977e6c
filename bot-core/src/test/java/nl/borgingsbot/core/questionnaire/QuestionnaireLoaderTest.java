package nl.borgingsbot.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import nl.borgingsbot.core.testing.Fixtures;

class QuestionnaireLoaderTest {

    @Test
    void theStoQuestionnaireHasTheProgrammesExactWording() {
        Questionnaire sto = Fixtures.stoBorging();

        assertThat(sto.id()).isEqualTo("sto-borging");
        assertThat(sto.question().dutch()).isEqualTo(
                "In hoeverre zijn wij tevreden over de mate waarin onderstaande uitspraken van toepassing zijn voor onze regio?");
        assertThat(sto.prompts()).extracting(p -> p.text().dutch()).containsExactly(
                "Bij borging in de regio denk ik aan …",
                "Bij borging in de regio zie en ervaar ik …",
                "Bij borging in de regio vraag ik me dit af …");
        assertThat(sto.prompts()).extracting(p -> p.reportHeading().dutch())
                .containsExactly("Denken we aan", "Zien en ervaren we", "Vragen we ons af");
        assertThat(sto.statements()).extracting(s -> s.element().label().dutch()).containsExactly(
                "Cultuur van de organisatie", "Sterk en uniek aanbod", "Structurele betrokkenheid",
                "Samenwerking met partners", "Structuur en systemen", "Inzicht in resultaten en effecten",
                "Structureel communiceren");
        assertThat(sto.statements()).extracting(s -> s.text().dutch()).containsExactly(
                "STO is geïntegreerd binnen de (lijn)organisatie.",
                "Er is een sterk, uniek én gezamenlijk aanbod vanuit de regio dat voorziet in de regionale behoefte.",
                "Er is sprake van structurele betrokkenheid op alle niveaus vanuit de scholen.",
                "Er is sprake van gedeelde samenwerking met de partners in de regio, die overtuigd zijn van de urgentie en het belang.",
                "Er zijn structuren en systemen die de borging ondersteunen.",
                "We hebben inzicht in de resultaten en effecten van het regionale aanbod door goede monitoring en evaluatie.",
                "We communiceren structureel richting betrokkenen over de activiteiten en resultaten van STO.");
        assertThat(sto.statements()).extracting(Statement::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(sto.scale().label(1, Locale.forLanguageTag("nl"))).isEqualTo("helemaal niet");
        assertThat(sto.scale().label(5, Locale.forLanguageTag("nl"))).isEqualTo("helemaal wel");
        assertThat(sto.statements()).allSatisfy(s -> assertThat(s.element().tip().dutch()).isNotBlank());
        assertThat(sto.statement("aanbod").orElseThrow().element().tip().dutch()).contains("kwadrantenmodel");
    }

    @Test
    void everyTextHasAnEnglishTranslationAndDutchStaysTheSource() {
        Questionnaire sto = Fixtures.stoBorging();
        assertThat(sto.statements().get(0).text().in(Locale.ENGLISH)).isEqualTo("STO is integrated into the (line) organisation.");
        assertThat(sto.statements().get(0).text().in(Locale.GERMAN)).isEqualTo("STO is geïntegreerd binnen de (lijn)organisatie.");
    }

    @Test
    void theCooperationToolLoadsAsASecondQuestionnaire() {
        Questionnaire tool = Fixtures.questionnaire("samenwerking");
        assertThat(tool.elements()).extracting(Element::id)
                .containsExactly("ambitie", "belangen", "relatie", "organisatie", "proces");
        assertThat(Fixtures.catalog().ids()).containsExactly("sto-borging", "samenwerking");
    }

    private static final String VALID = """
            id: test
            title: Test
            question: Vraag?
            scale: {min: 1, max: 5, labels: [helemaal niet, "2", "3", "4", helemaal wel]}
            prompts:
              - {id: denken, text: "Ik denk aan …", reportHeading: Denken we aan}
            statements:
              - {element: cultuur, label: Cultuur, text: Stelling een., tip: Tip een.}
              - {element: aanbod, label: Aanbod, text: Stelling twee., tip: Tip twee.}
            """;

    @Test
    void aMinimalValidFileLoads() {
        Questionnaire q = QuestionnaireLoader.parse("test.yml", new StringReader(VALID));
        assertThat(q.statements()).hasSize(2);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(VALID.replace("id: test\n", ""), "test.yml: the file has no 'id'"),
                Arguments.of(VALID.replace("question: Vraag?\n", ""), "test.yml: the file has no 'question'"),
                Arguments.of(VALID.replace("text: Stelling twee., ", ""), "test.yml: statement 2 (element 'aanbod') has no 'text'"),
                Arguments.of(VALID.replace("element: aanbod", "element: cultuur"), "test.yml: duplicate element id 'cultuur'"),
                Arguments.of(VALID.replace("{min: 1, max: 5", "{min: 0, max: 10"), "test.yml: scale must run from 1 to 5, found 0..10"),
                Arguments.of(VALID.replace("\"4\", ", ""), "test.yml: scale needs 5 labels (one for each point), found 4"),
                Arguments.of(VALID.replace("prompts:", "prompts: [\n"), "test.yml: not valid YAML"),
                Arguments.of(VALID.replace("title: Test", "titel: Test"), "test.yml: the file has unknown key 'titel'"),
                Arguments.of(VALID.replace("label: Cultuur", "label: \"\""), "test.yml: statement 1 (element 'cultuur') 'label' is empty"),
                Arguments.of(VALID.replace("title: Test", "title: {en: Test}"), "test.yml: the file 'title' has no Dutch text ('nl')"),
                Arguments.of(VALID.replace("statements:\n  - {element: cultuur, label: Cultuur, text: Stelling een., tip: Tip een.}\n  - {element: aanbod, label: Aanbod, text: Stelling twee., tip: Tip twee.}\n", "statements: []\n"),
                        "test.yml: 'statements' is empty"),
                Arguments.of("just text", "test.yml: the file must be a mapping"),
                Arguments.of("!!java.io.File [/tmp]", "test.yml: not valid YAML"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedFileIsRefusedWithItsNameAndTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> QuestionnaireLoader.parse("test.yml", new StringReader(yaml)))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void twoQuestionnairesWithOneIdAreRefused() {
        Questionnaire q = QuestionnaireLoader.parse("test.yml", new StringReader(VALID));
        assertThatThrownBy(() -> QuestionnaireCatalog.of(List.of(q, q)))
                .isInstanceOf(QuestionnaireException.class).hasMessageContaining("two questionnaires have the id 'test'");
        assertThatThrownBy(() -> QuestionnaireCatalog.of(List.of(q)).require("onbekend"))
                .hasMessageContaining("unknown questionnaire 'onbekend' (known: test)");
    }
}
