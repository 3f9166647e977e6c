package nl.borgingsbot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;

/**
 * The clicked message made read-only: the clicked row of buttons becomes "✔ 4 · helemaal wel"
 * and any other buttons disappear, so nobody answers the same question twice by accident.
 */
final class ReadOnlyMessage {

    private ReadOnlyMessage() {
    }

    static List<LayoutBlock> of(List<LayoutBlock> blocks, String clickedBlockId, String chosenLabel) {
        List<LayoutBlock> result = new ArrayList<>();
        boolean replaced = false;
        for (LayoutBlock block : blocks) {
            if (!(block instanceof ActionsBlock actions)) {
                result.add(block);
            } else if (!replaced && (clickedBlockId == null || Objects.equals(actions.getBlockId(), clickedBlockId))) {
                result.add(chosen(chosenLabel));
                replaced = true;
            }
        }
        if (!replaced) {
            result.add(chosen(chosenLabel));
        }
        return result;
    }

    private static ContextBlock chosen(String label) {
        return ContextBlock.builder()
                .elements(List.of(BlockKitRenderer.literal("✔ " + SlackText.literal(label))))
                .build();
    }
}
