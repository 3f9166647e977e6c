package nl.borgingsbot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TextRendererTest {

    private final TextRenderer renderer = new TextRenderer(image -> "![" + image.altText() + "](" + image.fileName() + ")");

    @Test
    void rendersEveryKindOfPart() {
        Message message = Message.builder()
                .heading("Titel")
                .paragraph("Tekst")
                .add(new Part.Bullets(List.of("een", "twee")))
                .add(new Part.Facts(List.of(new Part.Fact("Cultuur", "3,4"))))
                .add(new Part.ChoiceQuestion("q", "Stelling", List.of(new Part.Choice("a", "1", "1 · helemaal niet"))))
                .add(new Part.Image(new byte[] {1}, "radar", "radar.png"))
                .build();

        assertThat(renderer.render(message)).isEqualTo("""
                ## Titel

                Tekst

                - een
                - twee

                - **Cultuur**: 3,4

                **Stelling**
                [1 · helemaal niet]

                ![radar](radar.png)""");
    }

    @Test
    void partnerTextNeverBecomesMarkup() {
        Message message = Message.of(new Part.UserText(Optional.of("ROC *Noord*"), "zie [hier](http://x) <b>vet</b>"));

        assertThat(renderer.render(message))
                .isEqualTo("> zie \\[hier\\]\\(http://x\\) \\<b\\>vet\\</b\\>\n> — *ROC \\*Noord\\**");
    }
}
