package nl.borgingsbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

import nl.borgingsbot.core.chat.Part;
import nl.borgingsbot.core.i18n.Texts;

/**
 * The toelichting (explanation) behind a score: a "Toelichting…" button beside the scale opens a
 * modal with the scale and a text field; its submission becomes one choice with a note, exactly as
 * if the partner had typed "4 omdat …". The button carries the question's choices, the modal
 * carries them on (with where the question was posted) in its private metadata.
 */
final class NoteDialog {

    /** The button's action id and the modal's callback id. */
    static final String ACTION = "slack.note";
    private static final String SCORE = "score";
    private static final String NOTE = "note";
    private static final int VALUE_LIMIT = 2000;
    private static final int NOTE_LIMIT = 1500;

    /** A submitted modal: the chosen choice, the note, and the DM message the question was in. */
    record Submission(Part.Choice choice, String note, String channel, String ts) {
    }

    private final Texts texts;

    NoteDialog(Texts texts) {
        this.texts = texts;
    }

    /** The "Toelichting…" button for a question's choices; empty when they do not fit in a button. */
    Optional<ButtonElement> button(List<Part.Choice> choices, int index) {
        String value = encode(choices).toString();
        if (value.length() > VALUE_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(ButtonElement.builder()
                .actionId(ACTION + "#" + index)
                .value(value)
                .text(BlockKitRenderer.plain(texts.get("slack.note.button")))
                .build());
    }

    /** The modal for the choices of a clicked button, posted in {@code channel} at {@code ts}. */
    View view(String buttonValue, String channel, String ts) {
        JsonArray choices = JsonParser.parseString(buttonValue).getAsJsonArray();
        List<OptionObject> options = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            options.add(OptionObject.builder()
                    .text(BlockKitRenderer.plain(SlackText.truncate(choices.get(i).getAsJsonArray().get(2).getAsString(), 75)))
                    .value(String.valueOf(i))
                    .build());
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("channel", channel);
        metadata.addProperty("ts", ts);
        metadata.add("choices", choices);
        List<LayoutBlock> blocks = List.of(
                InputBlock.builder().blockId(SCORE).label(BlockKitRenderer.plain(texts.get("slack.note.score")))
                        .element(StaticSelectElement.builder().actionId(SCORE).options(options).build()).build(),
                InputBlock.builder().blockId(NOTE).label(BlockKitRenderer.plain(texts.get("slack.note.label")))
                        .element(PlainTextInputElement.builder().actionId(NOTE).multiline(true).maxLength(NOTE_LIMIT).build())
                        .build());
        return View.builder()
                .type("modal")
                .callbackId(ACTION)
                .privateMetadata(metadata.toString())
                .title(ViewTitle.builder().type("plain_text").text(texts.get("slack.note.title")).build())
                .submit(ViewSubmit.builder().type("plain_text").text(texts.get("slack.note.submit")).build())
                .close(ViewClose.builder().type("plain_text").text(texts.get("slack.note.cancel")).build())
                .blocks(blocks)
                .build();
    }

    /** What was submitted; empty when the modal's data is not what this dialog sent. */
    static Optional<Submission> submission(View view) {
        try {
            JsonObject metadata = JsonParser.parseString(view.getPrivateMetadata()).getAsJsonObject();
            Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
            int index = Integer.parseInt(values.get(SCORE).get(SCORE).getSelectedOption().getValue());
            String note = Optional.ofNullable(values.get(NOTE).get(NOTE).getValue()).orElse("").strip();
            JsonArray choice = metadata.getAsJsonArray("choices").get(index).getAsJsonArray();
            return Optional.of(new Submission(
                    new Part.Choice(choice.get(0).getAsString(), choice.get(1).getAsString(), choice.get(2).getAsString()),
                    note, metadata.get("channel").getAsString(), metadata.get("ts").getAsString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonArray encode(List<Part.Choice> choices) {
        JsonArray array = new JsonArray();
        for (Part.Choice choice : choices) {
            JsonArray triple = new JsonArray();
            triple.add(choice.actionId());
            triple.add(choice.value());
            triple.add(choice.label());
            array.add(triple);
        }
        return array;
    }

    static boolean isNoteAction(String slackActionId) {
        return ACTION.equals(BlockKitRenderer.actionIdOf(slackActionId));
    }
}
