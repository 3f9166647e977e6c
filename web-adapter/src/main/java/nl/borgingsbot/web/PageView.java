package nl.borgingsbot.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.borgingsbot.core.chat.Part;

/**
 * A message as the page's JSON: each {@link Part} with its kind and its fields, images and files
 * as links by token. The page renders every kind; it puts text in with {@code textContent} only,
 * so what a person typed never takes effect as markup.
 */
final class PageView {

    private PageView() {
    }

    static Map<String, Object> of(Transcript.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("conversation", entry.conversation());
        view.put("thread", entry.thread());
        view.put("author", entry.author());
        view.put("visibleTo", entry.visibleTo());
        view.put("typed", entry.typed());
        view.put("answered", entry.answered().orElse(""));
        List<Map<String, Object>> parts = new ArrayList<>();
        List<Part> all = entry.message().parts();
        for (int i = 0; i < all.size(); i++) {
            parts.add(part(all.get(i), entry.media().get(i)));
        }
        view.put("parts", parts);
        return view;
    }

    private static Map<String, Object> part(Part part, String token) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (part instanceof Part.Heading h) {
            view.put("kind", "heading");
            view.put("text", h.text());
        } else if (part instanceof Part.Paragraph p) {
            view.put("kind", "paragraph");
            view.put("text", p.text());
        } else if (part instanceof Part.UserText u) {
            view.put("kind", "usertext");
            view.put("attribution", u.attribution().orElse(""));
            view.put("text", u.text());
        } else if (part instanceof Part.Bullets b) {
            view.put("kind", "bullets");
            view.put("items", b.items());
        } else if (part instanceof Part.Facts f) {
            view.put("kind", "facts");
            view.put("facts", f.facts().stream().map(fact -> Map.of("label", fact.label(), "value", fact.value())).toList());
        } else if (part instanceof Part.ChoiceQuestion q) {
            view.put("kind", "choice");
            view.put("questionKey", q.questionKey());
            view.put("text", q.text());
            view.put("choices", choices(q.choices()));
        } else if (part instanceof Part.TextQuestion t) {
            view.put("kind", "textquestion");
            view.put("questionKey", t.questionKey());
            view.put("text", t.text());
        } else if (part instanceof Part.Actions a) {
            view.put("kind", "actions");
            view.put("choices", choices(a.buttons()));
        } else if (part instanceof Part.Image image) {
            view.put("kind", "image");
            view.put("src", "api/media/" + token);
            view.put("alt", image.altText());
            view.put("fileName", image.fileName());
        } else if (part instanceof Part.File file) {
            view.put("kind", "file");
            view.put("href", "api/media/" + token);
            view.put("fileName", file.fileName());
            view.put("description", file.description());
        }
        return view;
    }

    private static List<Map<String, String>> choices(List<Part.Choice> choices) {
        return choices.stream().map(c -> Map.of("actionId", c.actionId(), "value", c.value(), "label", c.label())).toList();
    }
}
