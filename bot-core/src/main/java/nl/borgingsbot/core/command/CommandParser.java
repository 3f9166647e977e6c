package nl.borgingsbot.core.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses command lines with the entries the features give it. Returns empty when the first word
 * is no command at all (so a DM answer like "Bij ons ..." is never taken for one); a known word
 * used wrongly gives {@link CoreCommands.Misused}. A leading {@code /borging} or {@code borging} is
 * dropped. The words (Dutch, English alias after the bar), by the feature that owns them:
 *
 * <pre>
 * command   help | hulp | ?
 * setup     regio | region                  regio koppel &lt;naam&gt;
 *           regio taal nl|en               regio anoniem aan|uit
 *           regio vragenlijst &lt;id&gt;         partner toevoegen|add &lt;user&gt; &lt;organisatie&gt;
 *           partner verwijderen|remove &lt;user&gt;                  partners
 * round     ronde start [deadline] | ronde status | ronde sluit | ronde rapport
 *           herinner | remind              trend | verloop
 * schedule  planning | planning kwartaal | planning uit | planning cron &lt;expressie&gt; [zone]
 *           planning venster &lt;dagen&gt; | planning herinneringen &lt;7,2&gt;|geen
 *           planning werktijden &lt;08:00-18:00&gt; | planning vroeg aan|uit
 * actions   acties | actie &lt;element&gt; &lt;tekst&gt; [eigenaar] [datum] | actie &lt;nr&gt; klaar|bezig|gestopt [toelichting]
 * absence   afwezig [@user] tot &lt;datum&gt; | aanwezig [@user]
 * export    export [ronde] [csv]
 * privacy   mijn gegevens | vergeet mij|@user [bevestig]
 * personal  mijn resultaat [aan|uit]
 * national  landelijk | regio landelijk aan|uit
 * </pre>
 */
public final class CommandParser {

    public static final Set<String> ON = Set.of("aan", "ja", "on", "yes", "true");
    public static final Set<String> OFF = Set.of("uit", "nee", "off", "no", "false");

    /**
     * A line as a feature's entry reads it: the whole line, the words after the first, and the
     * second word in lower case ("" when there is none).
     */
    public record Line(String line, String[] rest, String second) {

        /** The original text after the first {@code count} words (spacing inside it kept). */
        public String after(int count) {
            return afterWords(line, count);
        }
    }

    /**
     * The words a feature answers to: the first word of the line and, if not empty, the second.
     * An entry with second words goes before one without for the same first word. {@code parse}
     * gives null for a line that is no command after all.
     */
    public record Entry(Set<String> first, Set<String> second, Function<Line, Command> parse) {

        public static Entry of(Set<String> first, Function<Line, Command> parse) {
            return new Entry(first, Set.of(), parse);
        }

        public static Entry of(Set<String> first, Set<String> second, Function<Line, Command> parse) {
            return new Entry(first, second, parse);
        }
    }

    private final List<Entry> entries;

    public CommandParser(Collection<List<Entry>> entries) {
        this.entries = new ArrayList<>();
        entries.forEach(this.entries::addAll);
    }

    public Optional<Command> parse(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Optional.empty();
        }
        String first = lower(words[0]).replaceFirst("^/", "").replaceFirst("^borging$", "");
        if (first.isEmpty()) {
            return words.length > 1 ? parse(line.strip().substring(words[0].length())) : Optional.of(new CoreCommands.Help());
        }
        String[] rest = Arrays.copyOfRange(words, 1, words.length);
        String second = rest.length > 0 ? lower(rest[0]) : "";
        Line parsed = new Line(line, rest, second);
        Optional<Entry> entry = entries.stream().filter(e -> e.first().contains(first) && e.second().contains(second))
                .findFirst()
                .or(() -> entries.stream().filter(e -> e.first().contains(first) && e.second().isEmpty()).findFirst());
        return entry.map(e -> e.parse().apply(parsed));
    }

    /** The original text after the first {@code count} words (spacing inside it kept). */
    public static String afterWords(String line, int count) {
        String rest = line.strip();
        for (int i = 0; i < count && !rest.isEmpty(); i++) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space).strip();
        }
        return rest;
    }

    public static String join(String[] words, int from) {
        return String.join(" ", Arrays.copyOfRange(words, from, words.length)).strip();
    }

    public static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
