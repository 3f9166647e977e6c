package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.ImageBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;

import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.Part;

class BlockKitRendererTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private static String json(List<LayoutBlock> blocks) {
        return GsonFactory.createSnakeCase().newBuilder().disableHtmlEscaping().create().toJson(blocks);
    }

    @Test
    void partnerTextCannotMentionLinkOrFormat() {
        Message message = Message.of(new Part.UserText(Optional.of("<@U999> & co"),
                "<!channel> <!here> <@U123> <#C1> <https://evil.example|klik> *vet* _schuin_ ~weg~ `code` > quote"));
        List<LayoutBlock> blocks = renderer.render(message).blocks();
        String json = json(blocks);
        assertThat(json).doesNotContain("<!channel>").doesNotContain("<!here>").doesNotContain("<@U")
                .doesNotContain("<#C1>").doesNotContain("<https://")
                .doesNotContain("*vet*").doesNotContain("_schuin_").doesNotContain("~weg~").doesNotContain("`code`");
        SectionBlock quote = (SectionBlock) blocks.get(0);
        MarkdownTextObject text = (MarkdownTextObject) quote.getText();
        assertThat(text.getVerbatim()).isTrue();
        assertThat(text.getText()).startsWith("&gt; &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;")
                .contains("&gt; quote");
        assertThat(text.getText().replace("\u200B", "")).contains("*vet* _schuin_ ~weg~ `code`");
        ContextBlock attribution = (ContextBlock) blocks.get(1);
        assertThat(json(List.of(attribution))).contains("&lt;@U999&gt; &amp; co");
    }

    @Test
    void multiLineUserTextIsQuotedLineByLine() {
        String text = ((MarkdownTextObject) ((SectionBlock) renderer.render(
                Message.of(new Part.UserText(Optional.empty(), "een\ntwee"))).blocks().get(0)).getText()).getText();
        assertThat(text).isEqualTo("&gt; een\n&gt; twee");
    }

    @Test
    void theScaleBecomesButtonsWithUniqueActionIdsThatMapBackToTheCoresIdAndAToelichtingButton() {
        List<Part.Choice> choices = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new Part.Choice("checkin.score", "7:cultuur:" + i, i + " · label")).toList();
        List<LayoutBlock> blocks = renderer.render(Message.of(
                new Part.ChoiceQuestion("statement:cultuur", "STO is geïntegreerd", choices))).blocks();
        assertThat(blocks).hasSize(2);
        ActionsBlock actions = (ActionsBlock) blocks.get(1);
        List<ButtonElement> buttons = actions.getElements().stream().map(ButtonElement.class::cast).toList();
        assertThat(buttons).extracting(ButtonElement::getActionId).doesNotHaveDuplicates();
        assertThat(buttons).extracting(b -> BlockKitRenderer.actionIdOf(b.getActionId()))
                .containsExactly("checkin.score", "checkin.score", "checkin.score", "checkin.score", "checkin.score",
                        "slack.note");
        assertThat(buttons.get(3).getValue()).isEqualTo("7:cultuur:4");
        assertThat(buttons.get(0).getText().getText()).isEqualTo("1 · label");
        assertThat(buttons.get(5).getText().getText()).isEqualTo("Toelichting…");
        assertThat(buttons.get(5).getValue()).contains("[\"checkin.score\",\"7:cultuur:4\",\"4 · label\"]");
    }

    @Test
    void moreThanTwentyFiveButtonsAreSplitOverActionsBlocks() {
        List<Part.Choice> many = IntStream.range(0, 30).mapToObj(i -> new Part.Choice("a", "v" + i, "b" + i)).toList();
        List<LayoutBlock> blocks = renderer.render(Message.of(new Part.Actions(many))).blocks();
        assertThat(blocks).hasSize(2).allMatch(ActionsBlock.class::isInstance);
        assertThat(((ActionsBlock) blocks.get(0)).getElements()).hasSize(25);
    }

    @Test
    void headingsFactsAndBulletsUseTheirBlocksAndTheFallbackTextIsEscaped() {
        Message message = Message.builder()
                .heading("Borgingscheck <regio>")
                .paragraph("Een & twee")
                .add(new Part.Bullets(List.of("een", "twee")))
                .add(new Part.Facts(IntStream.range(0, 12).mapToObj(i -> new Part.Fact("l" + i, "v" + i)).toList()))
                .build();
        BlockKitRenderer.Rendered rendered = renderer.render(message);
        assertThat(rendered.blocks().get(0)).isInstanceOf(HeaderBlock.class);
        assertThat(rendered.fallbackText()).isEqualTo("Borgingscheck &lt;regio&gt;");
        assertThat(json(rendered.blocks())).contains("Een &amp; twee").contains("• een\\n• twee");
        assertThat(rendered.blocks()).filteredOn(SectionBlock.class::isInstance)
                .filteredOn(b -> ((SectionBlock) b).getFields() != null).hasSize(2);
    }

    @Test
    void anImageIsShownOnlyOnceUploaded() {
        Message message = Message.of(new Part.Image(new byte[] {1}, "radar van 7 elementen", "radar.png"));
        assertThat(renderer.render(message).blocks()).isEmpty();
        List<LayoutBlock> blocks = renderer.render(message, Optional.of("F123")).blocks();
        ImageBlock image = (ImageBlock) blocks.get(0);
        assertThat(image.getSlackFile().getId()).isEqualTo("F123");
        assertThat(image.getAltText()).isEqualTo("radar van 7 elementen");
    }

    @Test
    void longTextIsSplitIntoSectionsWithinSlacksLimit() {
        String text = ("regel " + "x".repeat(90) + "\n").repeat(80);
        List<LayoutBlock> blocks = renderer.render(Message.text(text)).blocks();
        assertThat(blocks.size()).isGreaterThan(1);
        assertThat(blocks).allMatch(b -> ((MarkdownTextObject) ((SectionBlock) b).getText()).getText().length()
                <= SlackText.SECTION_LIMIT);
    }

    @Test
    void incomingTextIsUnescapedToWhatWasTyped() {
        assertThat(SlackText.unescape("a &lt; b &amp;&amp; c &gt; d &amp;lt;")).isEqualTo("a < b && c > d &lt;");
    }

    @Test
    void aClickedMessageKeepsItsTextAndShowsTheChoiceInsteadOfButtons() {
        List<LayoutBlock> blocks = renderer.render(Message.of(new Part.Paragraph("Stelling 1"),
                new Part.Actions(List.of(new Part.Choice("a", "1", "1"))),
                new Part.Actions(List.of(new Part.Choice("b", "2", "Toelichting"))))).blocks();
        List<LayoutBlock> readOnly = ReadOnlyMessage.of(blocks, null, "4 · *wel*");
        assertThat(readOnly).hasSize(2);
        assertThat(readOnly.get(0)).isSameAs(blocks.get(0));
        assertThat(json(readOnly)).contains("✔ 4 · \u200B*wel\u200B*").doesNotContain("\"actions\"");
    }
}
