package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

class AdaptiveCardsTest {

    private static final String HOSTILE = "<b>vet</b> **ster** _schuin_ [klik](https://evil.example) <at>Jan</at> &amp; @iedereen";

    private static List<JsonNode> body(Activity activity) {
        return StreamSupport.stream(AdaptiveCards.content(activity).get("body").spliterator(), false).toList();
    }

    @Test
    void isAnAdaptiveCardOfSchemaOnePointFive() {
        Activity activity = AdaptiveCards.activity(Message.builder().heading("Ronde 1").paragraph("Welkom").build());

        assertThat(activity.getAttachments()).singleElement()
                .satisfies(a -> assertThat(a.getContentType()).isEqualTo("application/vnd.microsoft.card.adaptive"));
        JsonNode card = AdaptiveCards.content(activity);
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.5");
        assertThat(activity.getSummary()).isEqualTo("Ronde 1");
    }

    @Test
    void textAPartnerTypedIsShownLiterallyAndNeverAsMarkupOrMention() {
        Activity activity = AdaptiveCards.activity(Message.of(new Part.Paragraph("Denken we aan"),
                new Part.UserText(Optional.of("Vmbo <i>De Brug</i>"), HOSTILE)));

        JsonNode quote = body(activity).get(1);
        assertThat(quote.get("type").asText()).isEqualTo("RichTextBlock");
        List<JsonNode> runs = StreamSupport.stream(quote.get("inlines").spliterator(), false).toList();
        assertThat(runs).allSatisfy(run -> assertThat(run.get("type").asText()).isEqualTo("TextRun"));
        assertThat(runs.get(0).get("text").asText()).isEqualTo(HOSTILE);
        assertThat(runs.get(1).get("text").asText()).contains("Vmbo <i>De Brug</i>");
        // no TextBlock (the only element with Markdown) carries the partner's text, and no mention entity exists
        assertThat(body(activity)).filteredOn(n -> n.get("type").asText().equals("TextBlock"))
                .noneSatisfy(n -> assertThat(n.get("text").asText()).contains("vet"));
        assertThat(activity.getEntities()).isNullOrEmpty();
        assertThat(activity.getSummary()).doesNotContain("vet");
    }

    @Test
    void aScaleQuestionHasANoteInputAndASubmitPerChoiceCarryingWhatTheCoreNeeds() {
        Activity activity = AdaptiveCards.activity(Message.of(new Part.ChoiceQuestion("statement:cultuur",
                "STO is geïntegreerd binnen de (lijn)organisatie.",
                List.of(new Part.Choice("checkin.score", "7:cultuur:1", "1 · helemaal niet"),
                        new Part.Choice("checkin.score", "7:cultuur:5", "5 · helemaal wel")))));

        List<JsonNode> body = body(activity);
        assertThat(body.get(1).get("type").asText()).isEqualTo("Input.Text");
        assertThat(body.get(1).get("id").asText()).isEqualTo(AdaptiveCards.NOTE);
        JsonNode actions = body.get(2).get("actions");
        assertThat(actions).hasSize(2);
        JsonNode data = actions.get(1).get("data");
        assertThat(actions.get(1).get("type").asText()).isEqualTo("Action.Submit");
        assertThat(data.get(AdaptiveCards.ACTION_ID).asText()).isEqualTo("checkin.score");
        assertThat(data.get(AdaptiveCards.VALUE).asText()).isEqualTo("7:cultuur:5");
        assertThat(data.get(AdaptiveCards.QUESTION).asText()).isEqualTo("STO is geïntegreerd binnen de (lijn)organisatie.");
    }

    @Test
    void theReadOnlyCardShowsTheChoiceAndHasNoButtons() {
        Activity activity = AdaptiveCards.chosen(Optional.of("Stelling **1**"), "4 · <b>wel</b>");

        String json = Serialization.toStringSilent(activity);
        assertThat(json).doesNotContain("Action.Submit").doesNotContain("Input.Text");
        assertThat(body(activity)).allSatisfy(n -> assertThat(n.get("type").asText()).isEqualTo("RichTextBlock"));
        assertThat(body(activity).get(1).get("inlines").get(0).get("text").asText()).isEqualTo("\u2713 4 · <b>wel</b>");
    }

    @Test
    void anImageIsAnInlinePngDataUri() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Activity activity = AdaptiveCards.activity(Message.of(new Part.Image(png, "Radar van ronde 1", "radar.png")));

        JsonNode image = body(activity).get(0);
        assertThat(image.get("type").asText()).isEqualTo("Image");
        assertThat(image.get("url").asText()).isEqualTo("data:image/png;base64,iVBORw==");
        assertThat(image.get("altText").asText()).isEqualTo("Radar van ronde 1");
    }
}
