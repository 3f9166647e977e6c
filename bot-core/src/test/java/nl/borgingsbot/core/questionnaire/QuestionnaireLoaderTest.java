package nl.borgingsbot.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuestionnaireLoaderTest {

    private static final String VALID = """
            id: test
            title: Test
            question: Vraag?
            scale:
              min: 1
              max: 5
              labels: [helemaal niet, "2", "3", "4", helemaal wel]
            prompts:
              - {id: denken, text: "Ik denk aan …", reportHeading: Denken we aan}
            statements:
              - {element: cultuur, label: Cultuur, text: Stelling een., tip: Tip een.}
              - {element: aanbod, label: Aanbod, text: Stelling twee., tip: Tip twee.}
            """;

    private static Questionnaire parse(String yaml) {
        return QuestionnaireLoader.parse("test.yml", new StringReader(yaml));
    }

    /** VALID with one piece replaced; fails loudly when the piece is not there, so no case tests the valid file. */
    private static String valid(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("not in VALID: " + from);
        }
        return VALID.replace(from, to);
    }

    @Test
    void aMinimalValidFileLoads() {
        Questionnaire q = parse(VALID);

        assertThat(q.id()).isEqualTo("test");
        assertThat(q.title().dutch()).isEqualTo("Test");
        assertThat(q.prompts()).extracting(Prompt::id).containsExactly("denken");
        assertThat(q.statements()).extracting(s -> s.element().id()).containsExactly("cultuur", "aanbod");
        assertThat(q.statements()).extracting(Statement::number).containsExactly(1, 2);
        assertThat(q.statement("aanbod").orElseThrow().text().dutch()).isEqualTo("Stelling twee.");
    }

    @Test
    void aTextMayBeAMapOfLanguagesAndFallsBackToDutch() {
        Questionnaire q = parse(valid("title: Test", "title: {nl: Toets, en: Test}"));

        assertThat(q.title().in(Locale.ENGLISH)).isEqualTo("Test");
        assertThat(q.title().in(Locale.forLanguageTag("nl-NL"))).isEqualTo("Toets");
        assertThat(q.title().in(Locale.FRENCH)).isEqualTo("Toets");
        assertThat(q.question().in(Locale.ENGLISH)).isEqualTo("Vraag?");
    }

    @Test
    void aTipMayBeSharedWithAnAnchor() {
        Questionnaire q = parse(valid("tip: Tip een.}", "tip: &gedeeld {nl: Gedeeld., en: Shared.}}")
                .replace("tip: Tip twee.}", "tip: *gedeeld}"));

        assertThat(q.statement("aanbod").orElseThrow().element().tip().in(Locale.ENGLISH)).isEqualTo("Shared.");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // missing fields
                Arguments.of(valid("id: test\n", ""), "test.yml: the file has no 'id'"),
                Arguments.of(valid("title: Test\n", ""), "test.yml: the file has no 'title'"),
                Arguments.of(valid("question: Vraag?\n", ""), "test.yml: the file has no 'question'"),
                Arguments.of(valid("prompts:\n  - {id: denken, text: \"Ik denk aan …\", reportHeading: Denken we aan}\n", ""),
                        "test.yml: the file has no 'prompts'"),
                Arguments.of(VALID.substring(0, VALID.indexOf("statements:")), "test.yml: the file has no 'statements'"),
                Arguments.of(valid("text: Stelling twee., ", ""), "test.yml: statement 2 (element 'aanbod') has no 'text'"),
                Arguments.of(valid("label: Cultuur, ", ""), "test.yml: statement 1 (element 'cultuur') has no 'label'"),
                Arguments.of(valid("element: aanbod, ", ""), "test.yml: statement 2 has no 'element'"),
                Arguments.of(valid(", reportHeading: Denken we aan", ""), "test.yml: prompt 1 ('denken') has no 'reportHeading'"),
                Arguments.of(valid("  max: 5\n", ""), "test.yml: 'scale' has no 'max'"),
                Arguments.of("", "test.yml: the file is empty"),
                // empty values
                Arguments.of(valid("label: Cultuur", "label: \"\""), "test.yml: statement 1 (element 'cultuur') 'label' is empty"),
                Arguments.of(valid("text: Stelling een.", "text: \"  \""), "test.yml: statement 1 (element 'cultuur') 'text' is empty"),
                Arguments.of(valid("id: test", "id: \"\""), "test.yml: 'id' is empty"),
                Arguments.of(valid("statements:\n  - {element: cultuur, label: Cultuur, text: Stelling een., tip: Tip een.}\n"
                        + "  - {element: aanbod, label: Aanbod, text: Stelling twee., tip: Tip twee.}\n", "statements: []\n"),
                        "test.yml: 'statements' is empty"),
                Arguments.of(valid("title: Test", "title: {nl: Test, en: \"\"}"), "test.yml: 'title' in 'en' is empty"),
                // duplicate and malformed ids
                Arguments.of(valid("element: aanbod", "element: cultuur"), "test.yml: duplicate element id 'cultuur'"),
                Arguments.of(valid("element: aanbod", "element: Sterk aanbod"),
                        "test.yml: statement 2 'element' must be 1-40 characters a-z, 0-9 or '-' (not starting with '-'), found 'Sterk aanbod'"),
                Arguments.of(valid("  - {id: denken,", "  - {id: zien, text: Zie ik, reportHeading: Zien}\n  - {id: zien,"),
                        "test.yml: duplicate prompt id 'zien'"),
                // the scale
                Arguments.of(valid("  min: 1\n  max: 5", "  min: 0\n  max: 10"), "test.yml: scale must run from 1 to 5, found 0..10"),
                Arguments.of(valid("\"4\", ", ""), "test.yml: scale needs 5 labels (one for each point), found 4"),
                Arguments.of(valid("min: 1", "min: een"), "test.yml: 'scale' 'min' must be a whole number, found 'een'"),
                Arguments.of(valid("\"2\"", "no"),
                        "test.yml: scale label 2 must be text, found yes/no/true/false/on/off, which YAML reads as 'false' (put it in quotes)"),
                // typos must not pass silently
                Arguments.of(valid("title: Test", "titel: Test"),
                        "test.yml: the file has unknown key 'titel' (allowed: id, prompts, question, scale, statements, title)"),
                Arguments.of(valid("tip: Tip een.", "tips: Tip een."),
                        "test.yml: statement 1 has unknown key 'tips' (allowed: element, label, text, tip)"),
                Arguments.of(valid("title: Test", "title: {nl: Test, eng: Test}"), "test.yml: 'title': 'eng' is not a two-letter language code"),
                // languages
                Arguments.of(valid("title: Test", "title: {en: Test}"), "test.yml: 'title' has no Dutch text ('nl')"),
                Arguments.of(valid("label: Aanbod", "label: {en: Offer}"), "test.yml: statement 2 (element 'aanbod') 'label' has no Dutch text ('nl')"),
                // shapes
                Arguments.of("just text", "test.yml: the file must be a mapping of keys to values"),
                Arguments.of(valid("statements:\n  - {element: cultuur", "statements:\n  - [cultuur]\n  - {element: cultuur"),
                        "test.yml: statement 1 must be a mapping of keys to values"),
                Arguments.of(valid("question: Vraag?", "question: [een, twee]"), "test.yml: 'question' must be text, found a list"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedFileIsRefusedWithItsNameAndTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessage(message);
    }

    @Test
    void badYamlSyntaxIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> parse(valid("question: Vraag?", "question: Vraag: wat?")))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessage("test.yml: not valid YAML: mapping values are not allowed here at line 3, column 16");
        assertThatThrownBy(() -> parse(valid("prompts:\n", "prompts: [\n")))
                .hasMessageStartingWith("test.yml: not valid YAML: ")
                .hasMessageMatching("(?s).* at line \\d+, column \\d+.*");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> parse(valid("title: Test", "title: Test\ntitle: Toets")))
                .hasMessageStartingWith("test.yml: not valid YAML: ")
                .hasMessageContaining("duplicate key title")
                .hasMessageContaining("line 3");
    }

    @Test
    void aFileCannotInstantiateClasses() {
        assertThatThrownBy(() -> parse("!!java.io.File [/tmp]"))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith("test.yml: not valid YAML: ")
                .hasMessageContaining("java.io.File");
        assertThatThrownBy(() -> parse(valid("title: Test", "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]")))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith("test.yml: not valid YAML: ");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'h'; level++) {
            bomb.append(level).append(": &").append(level).append(" [");
            String previous = String.valueOf((char) (level - 1));
            bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*" + previous))).append("]\n");
        }
        assertThatThrownBy(() -> parse(bomb.toString()))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith("test.yml: not valid YAML: ");
    }
}
