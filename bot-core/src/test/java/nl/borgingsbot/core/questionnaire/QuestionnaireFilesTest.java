package nl.borgingsbot.core.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.borgingsbot.core.testing.Fixtures;

/** The questionnaire files the application ships ({@code config/questionnaires}), read with the real loader. */
class QuestionnaireFilesTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Test
    void theStoQuestionnaireHasTheProgrammesExactWording() {
        Questionnaire sto = Fixtures.stoBorging();

        assertThat(sto.id()).isEqualTo("sto-borging");
        assertThat(sto.question().dutch()).isEqualTo(
                "In hoeverre zijn wij tevreden over de mate waarin onderstaande uitspraken van toepassing zijn voor onze regio?");
        assertThat(sto.prompts()).extracting(Prompt::id).containsExactly("denken", "zien", "vragen");
        assertThat(sto.prompts()).extracting(p -> p.text().dutch()).containsExactly(
                "Bij borging in de regio denk ik aan …",
                "Bij borging in de regio zie en ervaar ik …",
                "Bij borging in de regio vraag ik me dit af …");
        assertThat(sto.prompts()).extracting(p -> p.reportHeading().dutch())
                .containsExactly("Denken we aan", "Zien en ervaren we", "Vragen we ons af");
        assertThat(sto.elements()).extracting(Element::id).containsExactly(
                "cultuur", "aanbod", "betrokkenheid", "samenwerking", "structuur", "inzicht", "communiceren");
        assertThat(sto.elements()).extracting(e -> e.label().dutch()).containsExactly(
                "Cultuur van de organisatie",
                "Sterk en uniek aanbod",
                "Structurele betrokkenheid",
                "Samenwerking met partners",
                "Structuur en systemen",
                "Inzicht in resultaten en effecten",
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
    }

    @Test
    void theScaleRunsFromHelemaalNietToHelemaalWelWithNumbersInBetween() {
        Scale scale = Fixtures.stoBorging().scale();

        assertThat(List.of(1, 2, 3, 4, 5)).extracting(v -> scale.label(v, DUTCH))
                .containsExactly("helemaal niet", "2", "3", "4", "helemaal wel");
        assertThat(scale.label(1, Locale.ENGLISH)).isEqualTo("not at all");
        assertThat(scale.label(5, Locale.ENGLISH)).isEqualTo("completely");
    }

    @Test
    void everyElementPointsToTheGuidesToolToGoDeeper() {
        Questionnaire sto = Fixtures.stoBorging();

        Map<String, String> toolPerElement = Map.of(
                "cultuur", "linking pin",
                "aanbod", "kwadrantenmodel",
                "betrokkenheid", "vijf krachten",
                "samenwerking", "samenwerkingstool",
                "structuur", "huishoudelijk reglement",
                "inzicht", "PDCA",
                "communiceren", "gouden cirkel");
        toolPerElement.forEach((element, tool) ->
                assertThat(sto.statement(element).orElseThrow().element().tip().dutch()).contains(tool));
    }

    @Test
    void theCooperationToolScoresEachOfItsStatementsGroupedByItsFiveElements() {
        Questionnaire tool = Fixtures.questionnaire("samenwerking");

        assertThat(tool.id()).isEqualTo("samenwerking");
        assertThat(tool.elements()).extracting(Element::id).containsExactly(
                "ambitie-1", "ambitie-2", "ambitie-3", "ambitie-4",
                "belangen-1", "belangen-2",
                "relatie-1", "relatie-2", "relatie-3",
                "organisatie-1", "organisatie-2", "organisatie-3", "organisatie-4",
                "proces-1", "proces-2", "proces-3", "proces-4", "proces-5");
        assertThat(tool.statements()).extracting(s -> s.text().dutch()).containsExactly(
                "We hebben expliciet met elkaar uitgesproken wat onze gezamenlijke ambitie is.",
                "Deze ambitie is zowel prikkelend en uitdagend als realistisch.",
                "We bespreken regelmatig de ambitie en bepalen of deze bijgesteld moet/kan worden.",
                "Onze achterban (bestuurders, docenten, …) kent en steunt deze ambitie.",
                "We tonen oprechte interesse in elkaars belangen.",
                "Wat we halen en brengen is voor elke partner voldoende in balans.",
                "We besteden tijd en aandacht aan de kwaliteit van groepsprocessen.",
                "Het gedrag dat we tonen draagt bij aan het onderling vertrouwen.",
                "Eventuele conflicten worden besproken.",
                "De organisatievorm die we hebben gekozen staat in goede verhouding tot de gewenste ambitie.",
                "De organisatievorm draagt bij aan een duurzame samenwerking.",
                "Er is voldoende draagvlak bij onze achterban.",
                "Het mandaat is goed geregeld en er kan daadkrachtig worden besloten.",
                "De rolverdeling en processtappen in de samenwerking zijn helder en doordacht.",
                "We weten in welke fase van het proces we ons bevinden.",
                "Er is een goede balans tussen aandacht voor het proces en aandacht voor het resultaat.",
                "We evalueren onze samenwerking.",
                "We evalueren de voortgang op resultaten.");
        assertThat(tool.elements()).allSatisfy(e -> {
            String group = e.id().substring(0, e.id().indexOf('-'));
            assertThat(e.label().dutch()).startsWithIgnoringCase(group + ": ");
        });
        assertThat(tool.statement("ambitie-2").orElseThrow().element().tip())
                .isEqualTo(tool.statement("ambitie-1").orElseThrow().element().tip());
        assertThat(tool.prompts()).extracting(p -> p.text().dutch())
                .containsExactlyElementsOf(Fixtures.stoBorging().prompts().stream().map(p -> p.text().dutch()).toList());
        assertThat(tool.scale()).isEqualTo(Fixtures.stoBorging().scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sto-borging", "samenwerking"})
    void everyTextHasAnEnglishTranslation(String id) {
        Questionnaire questionnaire = Fixtures.questionnaire(id);

        List<LocalizedText> texts = new ArrayList<>(List.of(questionnaire.title(), questionnaire.question()));
        questionnaire.prompts().forEach(p -> texts.addAll(List.of(p.text(), p.reportHeading())));
        questionnaire.statements().forEach(s -> texts.addAll(List.of(s.text(), s.element().label(), s.element().tip())));
        assertThat(texts).allSatisfy(text -> assertThat(text.byLanguage()).containsKeys("nl", "en"));
    }

    @Test
    void englishIsUsedWhenAskedForAndDutchOtherwise() {
        Statement first = Fixtures.stoBorging().statements().get(0);

        assertThat(first.text().in(Locale.ENGLISH)).isEqualTo("STO is integrated into the (line) organisation.");
        assertThat(first.text().in(Locale.UK)).isEqualTo("STO is integrated into the (line) organisation.");
        assertThat(first.text().in(DUTCH)).isEqualTo("STO is geïntegreerd binnen de (lijn)organisatie.");
        assertThat(first.text().in(Locale.GERMAN)).isEqualTo("STO is geïntegreerd binnen de (lijn)organisatie.");
    }

    @Test
    void bothFilesFormOneCatalog() {
        assertThat(Fixtures.catalog().ids()).containsExactly("sto-borging", "samenwerking");
    }
}
