package nl.borgingsbot.core.questionnaire;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a questionnaire from YAML (format in {@code config/questionnaires/sto-borging.yml}).
 * Strict: a missing or empty field, an unknown key, a duplicate id or a scale that is not 1..5
 * is a {@link QuestionnaireException} naming the file and the problem. YAML is read with the safe
 * constructor: a file can never instantiate classes.
 */
public final class QuestionnaireLoader {

    private static final Set<String> TOP_KEYS = Set.of("id", "title", "question", "scale", "prompts", "statements");
    private static final Set<String> SCALE_KEYS = Set.of("min", "max", "labels");
    private static final Set<String> PROMPT_KEYS = Set.of("id", "text", "reportHeading");
    private static final Set<String> STATEMENT_KEYS = Set.of("element", "label", "text", "tip");

    private final String source;

    private QuestionnaireLoader(String source) {
        this.source = source;
    }

    public static Questionnaire parse(String sourceName, Reader yaml) {
        return new QuestionnaireLoader(sourceName).parse(yaml);
    }

    private Questionnaire parse(Reader yaml) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw fail("not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        Map<String, Object> top = mapping(root, "the file", TOP_KEYS);
        String id = string(top, "id", "the file");
        LocalizedText title = text(top, "title", "the file");
        LocalizedText question = text(top, "question", "the file");
        Scale scale = scale(top.get("scale"));
        List<Prompt> prompts = prompts(top.get("prompts"));
        List<Statement> statements = statements(top.get("statements"));
        return new Questionnaire(id, title, question, scale, prompts, statements);
    }

    private Scale scale(Object value) {
        Map<String, Object> scale = mapping(value, "'scale'", SCALE_KEYS);
        int min = integer(scale, "min", "'scale'");
        int max = integer(scale, "max", "'scale'");
        if (min != 1 || max != 5) {
            throw fail("scale must run from 1 to 5, found " + min + ".." + max);
        }
        List<?> labels = list(scale.get("labels"), "'scale' has no 'labels'");
        if (labels.size() != max - min + 1) {
            throw fail("scale needs " + (max - min + 1) + " labels (one for each point), found " + labels.size());
        }
        List<LocalizedText> texts = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            texts.add(localized(labels.get(i), "scale label " + (min + i)));
        }
        return new Scale(min, max, texts);
    }

    private List<Prompt> prompts(Object value) {
        List<?> items = list(value, "'prompts' is missing");
        if (items.isEmpty()) {
            throw fail("'prompts' is empty");
        }
        List<Prompt> prompts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "prompt " + (i + 1);
            Map<String, Object> item = mapping(items.get(i), where, PROMPT_KEYS);
            String id = string(item, "id", where);
            if (!ids.add(id)) {
                throw fail("duplicate prompt id '" + id + "'");
            }
            where = where + " ('" + id + "')";
            prompts.add(new Prompt(id, text(item, "text", where), text(item, "reportHeading", where)));
        }
        return prompts;
    }

    private List<Statement> statements(Object value) {
        List<?> items = list(value, "'statements' is missing");
        if (items.isEmpty()) {
            throw fail("'statements' is empty");
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "statement " + (i + 1);
            Map<String, Object> item = mapping(items.get(i), where, STATEMENT_KEYS);
            String element = string(item, "element", where);
            if (!ids.add(element)) {
                throw fail("duplicate element id '" + element + "'");
            }
            if (!element.matches("[a-z0-9][a-z0-9-]*")) {
                throw fail(where + ": element id '" + element + "' may only use a-z, 0-9 and '-'");
            }
            where = where + " (element '" + element + "')";
            Element e = new Element(element, text(item, "label", where), text(item, "tip", where));
            statements.add(new Statement(i + 1, e, text(item, "text", where)));
        }
        return statements;
    }

    private Map<String, Object> mapping(Object value, String where, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(where + " must be a mapping of keys to values");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!allowed.contains(key)) {
                throw fail(where + " has unknown key '" + key + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            result.put(key, entry.getValue());
        }
        return result;
    }

    private List<?> list(Object value, String missing) {
        if (value == null) {
            throw fail(missing);
        }
        if (!(value instanceof List<?> list)) {
            throw fail(missing.replace(" is missing", "") + " must be a list");
        }
        return list;
    }

    private String string(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw fail(where + " has no '" + key + "'");
        }
        if (value instanceof Map || value instanceof List) {
            throw fail(where + ": '" + key + "' must be a plain value");
        }
        return String.valueOf(value).strip();
    }

    private int integer(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (!(value instanceof Integer number)) {
            throw fail(where + " needs a whole number '" + key + "'");
        }
        return number;
    }

    private LocalizedText text(Map<String, Object> map, String key, String where) {
        if (map.get(key) == null) {
            throw fail(where + " has no '" + key + "'");
        }
        return localized(map.get(key), where + " '" + key + "'");
    }

    /** A plain string (Dutch) or a map of language to text with at least "nl". */
    private LocalizedText localized(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String language = String.valueOf(entry.getKey());
                if (!language.matches("[a-z]{2}")) {
                    throw fail(where + ": '" + language + "' is not a two-letter language code");
                }
                if (entry.getValue() == null || String.valueOf(entry.getValue()).isBlank()) {
                    throw fail(where + " is empty in '" + language + "'");
                }
                byLanguage.put(language, String.valueOf(entry.getValue()).strip());
            }
            if (!byLanguage.containsKey("nl")) {
                throw fail(where + " has no Dutch text ('nl')");
            }
            return new LocalizedText(byLanguage);
        }
        if (value == null || value instanceof List || String.valueOf(value).isBlank()) {
            throw fail(where + " is empty");
        }
        return LocalizedText.dutch(String.valueOf(value).strip());
    }

    private QuestionnaireException fail(String problem) {
        return new QuestionnaireException(source + ": " + problem);
    }
}
