package nl.borgingsbot.core.questionnaire;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a questionnaire from YAML; the format is described at the top of
 * {@code config/questionnaires/sto-borging.yml}.
 *
 * <p>Strict, because a typo in a questionnaire must not pass silently: a missing or empty field, an
 * unknown key, a duplicate id, an id that is not short ASCII, a scale that is not 1..5 or a label
 * count that does not match it is a {@link QuestionnaireException} whose message starts with the
 * file name and names the problem, e.g. {@code sto-borging.yml: statement 3 (element
 * 'betrokkenheid') has no 'text'}.
 *
 * <p>YAML is read with SnakeYAML's safe constructor (plain maps, lists, strings and numbers only),
 * so a file can never instantiate classes; aliases are limited against "billion laughs" files.
 */
public final class QuestionnaireLoader {

    private static final Set<String> TOP_KEYS = Set.of("id", "title", "question", "scale", "prompts", "statements");
    private static final Set<String> SCALE_KEYS = Set.of("min", "max", "labels");
    private static final Set<String> PROMPT_KEYS = Set.of("id", "text", "reportHeading");
    private static final Set<String> STATEMENT_KEYS = Set.of("element", "label", "text", "tip");
    /** Ids end up in commands, button values and the database: short lowercase ASCII only. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final int MIN = 1;
    private static final int MAX = 5;
    private static final String FILE = "the file";

    private final String source;

    private QuestionnaireLoader(String source) {
        this.source = source;
    }

    /**
     * The questionnaire in this YAML text.
     *
     * @param sourceName the file name, used at the start of every error message
     * @throws QuestionnaireException when the text is not valid YAML or not a valid questionnaire
     */
    public static Questionnaire parse(String sourceName, Reader yaml) {
        return new QuestionnaireLoader(sourceName).parse(yaml);
    }

    private Questionnaire parse(Reader yaml) {
        Object root = readYaml(yaml);
        if (root == null) {
            throw fail("the file is empty");
        }
        Map<String, Object> top = mapping(root, FILE, TOP_KEYS);
        String id = id(top, "id", FILE);
        LocalizedText title = text(top, "title", FILE);
        LocalizedText question = text(top, "question", FILE);
        Scale scale = scale(top.get("scale"));
        List<Prompt> prompts = prompts(top.get("prompts"));
        List<Statement> statements = statements(top.get("statements"));
        return new Questionnaire(id, title, question, scale, prompts, statements);
    }

    private Object readYaml(Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new QuestionnaireException(source + ": not valid YAML: " + describe(e), e);
        } catch (YAMLException e) {
            throw new QuestionnaireException(source + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    /** "expected ',' or ']', but got <block mapping start> at line 6, column 3 (while parsing … at line 5, column 10)". */
    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        StringBuilder text = new StringBuilder(problem == null ? "unreadable" : problem).append(at(mark));
        if (e.getProblem() != null && e.getContext() != null) {
            text.append(" (").append(e.getContext()).append(at(e.getContextMark())).append(')');
        }
        return text.toString();
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private Scale scale(Object value) {
        if (value == null) {
            throw fail("the file has no 'scale'");
        }
        Map<String, Object> scale = mapping(value, "'scale'", SCALE_KEYS);
        int min = integer(scale, "min");
        int max = integer(scale, "max");
        if (min != MIN || max != MAX) {
            throw fail("scale must run from " + MIN + " to " + MAX + ", found " + min + ".." + max);
        }
        List<?> labels = list(scale.get("labels"), "'scale'", "labels");
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
        List<?> items = list(value, FILE, "prompts");
        List<Prompt> prompts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "prompt " + (i + 1);
            Map<String, Object> item = mapping(items.get(i), where, PROMPT_KEYS);
            String id = id(item, "id", where);
            if (!ids.add(id)) {
                throw fail("duplicate prompt id '" + id + "'");
            }
            where = where + " ('" + id + "')";
            prompts.add(new Prompt(id, text(item, "text", where), text(item, "reportHeading", where)));
        }
        return prompts;
    }

    private List<Statement> statements(Object value) {
        List<?> items = list(value, FILE, "statements");
        List<Statement> statements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "statement " + (i + 1);
            Map<String, Object> item = mapping(items.get(i), where, STATEMENT_KEYS);
            String id = id(item, "element", where);
            if (!ids.add(id)) {
                throw fail("duplicate element id '" + id + "'");
            }
            where = where + " (element '" + id + "')";
            Element element = new Element(id, text(item, "label", where), text(item, "tip", where));
            statements.add(new Statement(i + 1, element, text(item, "text", where)));
        }
        return statements;
    }

    /** The keys of a YAML mapping; a key outside {@code allowed} is an error (typos must not pass silently). */
    private Map<String, Object> mapping(Object value, String where, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> map)) {
            throw fail(where + " must be a mapping of keys to values");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!allowed.contains(key)) {
                throw fail(where + " has unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            result.put(key, entry.getValue());
        }
        return result;
    }

    /** A non-empty list under {@code key}. */
    private List<?> list(Object value, String where, String key) {
        if (value == null) {
            throw fail(where + " has no '" + key + "'");
        }
        if (!(value instanceof List<?> list)) {
            throw fail("'" + key + "' must be a list");
        }
        if (list.isEmpty()) {
            throw fail("'" + key + "' is empty");
        }
        return list;
    }

    private String id(Map<String, Object> map, String key, String where) {
        if (map.get(key) == null) {
            throw fail(where + " has no '" + key + "'");
        }
        String id = nonEmpty(map.get(key), field(where, key));
        if (!ID.matcher(id).matches()) {
            throw fail(field(where, key) + " must be 1-40 characters a-z, 0-9 or '-' (not starting with '-'), found '"
                    + id + "'");
        }
        return id;
    }

    private int integer(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw fail("'scale' has no '" + key + "'");
        }
        if (!(value instanceof Integer number)) {
            throw fail("'scale' '" + key + "' must be a whole number, found '" + value + "'");
        }
        return number;
    }

    private LocalizedText text(Map<String, Object> map, String key, String where) {
        if (map.get(key) == null) {
            throw fail(where + " has no '" + key + "'");
        }
        return localized(map.get(key), field(where, key));
    }

    /** A plain string (Dutch) or a map of two-letter language code to text that includes "nl". */
    private LocalizedText localized(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String language = String.valueOf(entry.getKey());
                if (!LANGUAGE.matcher(language).matches()) {
                    throw fail(where + ": '" + language + "' is not a two-letter language code");
                }
                byLanguage.put(language, nonEmpty(entry.getValue(), where + " in '" + language + "'"));
            }
            if (!byLanguage.containsKey("nl")) {
                throw fail(where + " has no Dutch text ('nl')");
            }
            return new LocalizedText(byLanguage);
        }
        return LocalizedText.dutch(nonEmpty(value, where));
    }

    private String nonEmpty(Object value, String where) {
        String text = value == null ? "" : plain(value, where).strip();
        if (text.isEmpty()) {
            throw fail(where + " is empty");
        }
        return text;
    }

    /**
     * Text or a number. YAML reads unquoted yes/no/on/off/true/false as booleans and dates as
     * dates; taking those as text would silently change the wording, so they must be quoted.
     */
    private String plain(Object value, String where) {
        if (value instanceof String || value instanceof Integer || value instanceof Long) {
            return String.valueOf(value);
        }
        if (value instanceof Map || value instanceof List) {
            throw fail(where + " must be text, found a " + (value instanceof Map ? "mapping" : "list"));
        }
        if (value instanceof Boolean) {
            throw fail(where + " must be text, found yes/no/true/false/on/off, which YAML reads as '" + value
                    + "' (put it in quotes)");
        }
        throw fail(where + " must be text, found " + value.getClass().getSimpleName().toLowerCase()
                + " '" + value + "' (put it in quotes)");
    }

    /** "'title'" at the top of the file, "statement 2 (element 'aanbod') 'label'" further in. */
    private static String field(String where, String key) {
        return FILE.equals(where) ? "'" + key + "'" : where + " '" + key + "'";
    }

    private QuestionnaireException fail(String problem) {
        return new QuestionnaireException(source + ": " + problem);
    }
}
