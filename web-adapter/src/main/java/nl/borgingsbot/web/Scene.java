package nl.borgingsbot.web;

import java.util.List;

/**
 * Who is on the playground: the region, its programme manager (the visitor types the channel's
 * commands as them) and its partners, each with the lines they say when the visitor lets them
 * answer by themselves ({@code [Start]}: pressing the button whose label starts with that text).
 */
public record Scene(String region, String workspace, String channelId, Person manager, List<Person> partners) {

    public Scene {
        partners = List.copyOf(partners);
    }

    public record Person(String userId, String name, String organisation, List<String> script) {
        public Person {
            script = List.copyOf(script);
        }
    }
}
