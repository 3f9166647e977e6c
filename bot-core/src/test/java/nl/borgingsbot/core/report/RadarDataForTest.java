package nl.borgingsbot.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.checkin.Answers;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.questionnaire.Element;
import nl.borgingsbot.core.questionnaire.LocalizedText;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.Scale;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;
import nl.borgingsbot.core.round.RoundState;

/** The radar's data follows the report: element labels in the region's language, partner lines, means. */
class RadarDataForTest {

    private static Element element(String id, String dutch, String english) {
        return new Element(id, new LocalizedText(Map.of("nl", dutch, "en", english)), LocalizedText.dutch("tip"));
    }

    private static final Questionnaire QUESTIONNAIRE = new Questionnaire("q", LocalizedText.dutch("Q"),
            LocalizedText.dutch("Hoe?"), new Scale(1, 5, List.of(LocalizedText.dutch("1"), LocalizedText.dutch("2"),
                    LocalizedText.dutch("3"), LocalizedText.dutch("4"), LocalizedText.dutch("5"))), List.of(), List.of(
                    new Statement(1, element("a", "Cultuur", "Culture"), LocalizedText.dutch("A")),
                    new Statement(2, element("b", "Aanbod", "Offer"), LocalizedText.dutch("B")),
                    new Statement(3, element("c", "Inzicht", "Insight"), LocalizedText.dutch("C"))));

    private static Response response(long id, String organisation, Map<String, Integer> scores) {
        Map<String, Score> byElement = new HashMap<>();
        scores.forEach((element, value) -> byElement.put(element, new Score(value, Optional.empty())));
        return new Response(new Partner(id, 1, new ChatUser(Platform.of("slack"), "T", "U" + id), "P" + id, organisation),
                new Answers(Map.of(), byElement));
    }

    private static RoundReport report(Locale language) {
        Region region = new Region(1, "Noord", new ChatChannel(Platform.of("slack"), "T", "C"), language, Region.AMSTERDAM,
                false, "q");
        Round round = new Round(1, 1, 1, "q", RoundState.CLOSED, Instant.EPOCH, Instant.EPOCH,
                Optional.of(Instant.EPOCH), false);
        return ReportCalculator.compute(region, round, QUESTIONNAIRE, 2, 0, List.of(
                response(1, "Gemeente", Map.of("a", 2, "b", 5)),
                response(2, "College", Map.of("a", 4, "b", 4))), List.of());
    }

    @Test
    void partnersAndMeansPerAxisWithNaNWhereNothingWasScored() {
        RadarData data = RadarChart.dataFor(report(Region.DUTCH), "Regio Noord", "Gemiddelde");

        assertThat(data.title()).isEqualTo("Regio Noord");
        assertThat(data.axisLabels()).containsExactly("Cultuur", "Aanbod", "Inzicht");
        assertThat(data.partners()).extracting(RadarData.Series::name).containsExactly("Gemeente", "College");
        assertThat(data.partners().get(0).values()).containsExactly(2, 5, Double.NaN);
        assertThat(data.partners().get(1).values()).containsExactly(4, 4, Double.NaN);
        assertThat(data.mean().name()).isEqualTo("Gemiddelde");
        assertThat(data.mean().values()).containsExactly(3, 4.5, Double.NaN);
    }

    @Test
    void axisLabelsInTheRegionsLanguage() {
        assertThat(RadarChart.dataFor(report(Locale.ENGLISH), "t", "m").axisLabels())
                .containsExactly("Culture", "Offer", "Insight");
    }
}
