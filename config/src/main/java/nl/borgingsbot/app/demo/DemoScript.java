package nl.borgingsbot.app.demo;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The scripted demo round (config/demo/demo-round.yml). */
record DemoScript(String region, String manager, String workspace, String channel, Map<String, Person> people, List<Step> steps) {

    record Person(String name, String organisation) {
    }

    /** One actor's turn: a command in the channel, or lines typed in the DM. */
    record Step(String actor, String command, List<String> lines) {
        boolean isCommand() {
            return command != null;
        }
    }

    static DemoScript parse(Reader reader) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        Map<String, Person> people = new LinkedHashMap<>();
        map(root.get("people")).forEach((id, value) -> {
            Map<String, Object> person = map(value);
            people.put(id, new Person(String.valueOf(person.get("name")),
                    person.get("organisation") == null ? "" : String.valueOf(person.get("organisation"))));
        });
        List<Step> steps = new ArrayList<>();
        for (Object item : (List<?>) root.get("steps")) {
            Map<String, Object> step = map(item);
            List<String> lines = step.get("say") == null ? List.of()
                    : ((List<?>) step.get("say")).stream().map(String::valueOf).toList();
            steps.add(new Step(String.valueOf(step.get("as")),
                    step.get("command") == null ? null : String.valueOf(step.get("command")), lines));
        }
        return new DemoScript(String.valueOf(root.get("region")), String.valueOf(root.get("manager")),
                String.valueOf(root.get("workspace")),
                String.valueOf(root.get("channel")), people, steps);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
