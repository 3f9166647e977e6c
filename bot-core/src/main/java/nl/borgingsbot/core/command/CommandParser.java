package nl.borgingsbot.core.command;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import nl.borgingsbot.core.actions.ActionStatus;
import nl.borgingsbot.core.chat.Mention;

/**
 * Parses command lines. Returns empty when the first word is no command at all (so a DM answer
 * like "Bij ons ..." is never taken for one); a known word used wrongly gives {@link Command.Misused}.
 *
 * <pre>
 * help | hulp                          regio | region
 * regio koppel &lt;naam&gt;               regio taal nl|en
 * regio anoniem aan|uit                regio vragenlijst &lt;id&gt;
 * partner toevoegen &lt;user&gt; &lt;organisatie&gt;   partner verwijderen &lt;user&gt;
 * partners
 * ronde start [deadline] | ronde status | ronde sluit | ronde rapport
 * herinner | remind
 * </pre>
 */
public final class CommandParser {

    private static final Set<String> ON = Set.of("aan", "ja", "on", "yes", "true");
    private static final Set<String> OFF = Set.of("uit", "nee", "off", "no", "false");

    private CommandParser() {
    }

    public static Optional<Command> parse(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return Optional.empty();
        }
        String first = lower(words[0]).replaceFirst("^/", "").replaceFirst("^borging$", "");
        if (first.isEmpty()) {
            return words.length > 1 ? parse(line.strip().substring(words[0].length())) : Optional.of(new Command.Help());
        }
        String[] rest = Arrays.copyOfRange(words, 1, words.length);
        String second = rest.length > 0 ? lower(rest[0]) : "";
        return Optional.ofNullable(switch (first) {
            case "help", "hulp", "?" -> new Command.Help();
            case "regio", "region" -> region(second, rest);
            case "partner" -> partner(second, afterWords(line, 2));
            case "partners" -> new Command.ListPartners();
            case "ronde", "round" -> round(second, rest);
            case "herinner", "herinnering", "remind" -> new Command.Remind();
            case "planning", "schedule" -> planning(second, rest);
            case "acties", "actions" -> new Command.ListActions();
            case "trend", "verloop" -> new Command.Trend();
            case "afwezig", "away" -> away(afterWords(line, 1));
            case "mijn", "my" -> Set.of("gegevens", "data").contains(second) && rest.length == 1 ? new Command.MyData()
                    : Set.of("resultaat", "result").contains(second) ? myResult(rest) : null;
            case "vergeet", "forget" -> forget(afterWords(line, 1));
            case "export" -> export(rest);
            case "aanwezig", "back" -> rest.length == 0 ? new Command.Back(Optional.empty())
                    : UserReference.parseLeading(afterWords(line, 1)).filter(l -> l.rest().isEmpty())
                    .<Command>map(l -> new Command.Back(Optional.of(l.user())))
                    .orElse(new Command.Misused("usage.away"));
            case "actie", "action" -> action(rest, afterWords(line, 1));
            case "landelijk", "national" -> rest.length == 0 ? new Command.National() : new Command.Misused("usage.national");
            default -> null;
        });
    }

    private static Command region(String second, String[] rest) {
        return switch (second) {
            case "" -> new Command.ShowRegion();
            case "koppel", "link" -> rest.length > 1 ? new Command.LinkRegion(join(rest, 1))
                    : new Command.Misused("usage.regionLink");
            case "taal", "language" -> rest.length == 2 && Set.of("nl", "en").contains(lower(rest[1]))
                    ? new Command.SetLanguage(lower(rest[1])) : new Command.Misused("usage.regionLanguage");
            case "anoniem", "anonymous" -> rest.length == 2 && ON.contains(lower(rest[1])) ? new Command.SetAnonymous(true)
                    : rest.length == 2 && OFF.contains(lower(rest[1])) ? new Command.SetAnonymous(false)
                    : new Command.Misused("usage.regionAnonymous");
            case "landelijk", "national" -> rest.length == 2 && ON.contains(lower(rest[1])) ? new Command.SetNationalSharing(true)
                    : rest.length == 2 && OFF.contains(lower(rest[1])) ? new Command.SetNationalSharing(false)
                    : new Command.Misused("usage.regionNational");
            case "vragenlijst", "questionnaire" -> rest.length == 2 ? new Command.SetQuestionnaire(rest[1])
                    : new Command.Misused("usage.regionQuestionnaire");
            default -> new Command.Misused("usage.region");
        };
    }

    private static Command partner(String second, String arguments) {
        Optional<UserReference.Leading> named = UserReference.parseLeading(arguments);
        return switch (second) {
            case "toevoegen", "add" -> named.filter(n -> !n.rest().isEmpty())
                    .<Command>map(n -> new Command.AddPartner(n.user(), n.rest()))
                    .orElse(new Command.Misused("usage.partnerAdd"));
            case "verwijderen", "remove" -> named.filter(n -> n.rest().isEmpty())
                    .<Command>map(n -> new Command.RemovePartner(n.user()))
                    .orElse(new Command.Misused("usage.partnerRemove"));
            default -> new Command.Misused("usage.partner");
        };
    }

    /** The original text after the first {@code count} words (spacing inside it kept). */
    private static String afterWords(String line, int count) {
        String rest = line.strip();
        for (int i = 0; i < count && !rest.isEmpty(); i++) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space).strip();
        }
        return rest;
    }

    private static Command round(String second, String[] rest) {
        return switch (second) {
            case "start", "open" -> new Command.StartRound(rest.length > 1 ? Optional.of(join(rest, 1)) : Optional.empty());
            case "status" -> new Command.RoundStatus();
            case "sluit", "sluiten", "close" -> new Command.CloseRound();
            case "rapport", "report" -> new Command.PostReport();
            default -> new Command.Misused("usage.round");
        };
    }

    private static Command planning(String second, String[] rest) {
        return switch (second) {
            case "" -> new Command.ShowSchedule();
            case "kwartaal", "quarterly" -> new Command.SetQuarterly();
            case "uit", "off" -> new Command.ScheduleOff();
            case "cron" -> cron(rest);
            case "venster", "window" -> rest.length == 2 && rest[1].matches("\\d{1,3}")
                    ? new Command.SetWindow(Integer.parseInt(rest[1])) : new Command.Misused("usage.planning");
            case "herinneringen", "reminders" -> reminders(rest);
            case "werktijden", "hours" -> rest.length >= 2 ? new Command.SetWorkingHours(join(rest, 1))
                    : new Command.Misused("usage.planning");
            case "vroeg", "early" -> rest.length == 2 && ON.contains(lower(rest[1])) ? new Command.SetCloseEarly(true)
                    : rest.length == 2 && OFF.contains(lower(rest[1])) ? new Command.SetCloseEarly(false)
                    : new Command.Misused("usage.planning");
            default -> new Command.Misused("usage.planning");
        };
    }

    /** "planning cron 0 0 9 ? * MON#1 Europe/Amsterdam": the last word is a zone when it has a slash or is UTC. */
    private static Command cron(String[] rest) {
        if (rest.length < 2) {
            return new Command.Misused("usage.planning");
        }
        String last = rest[rest.length - 1];
        boolean zone = last.contains("/") || last.equalsIgnoreCase("UTC");
        String expression = String.join(" ", Arrays.copyOfRange(rest, 1, zone ? rest.length - 1 : rest.length));
        return expression.isBlank() ? new Command.Misused("usage.planning")
                : new Command.SetCron(expression, zone ? Optional.of(last) : Optional.empty());
    }

    /** "planning herinneringen 7,2" (or "7 2", or "geen"). */
    private static Command reminders(String[] rest) {
        String list = join(rest, 1);
        if (Set.of("geen", "none").contains(lower(list))) {
            return new Command.SetReminders(List.of());
        }
        if (!list.matches("\\d{1,2}([,\\s]+\\d{1,2})*")) {
            return new Command.Misused("usage.planning");
        }
        return new Command.SetReminders(Arrays.stream(list.split("[,\\s]+")).map(Integer::valueOf).toList());
    }

    /**
     * "actie 3 klaar omdat …" updates action 3; anything else records one: "actie &lt;element&gt;
     * &lt;tekst&gt; [eigenaar] [datum]", read from the end — a date (one to three words), then a mention.
     */
    private static Command action(String[] rest, String arguments) {
        if (rest.length >= 2 && rest[0].matches("\\d{1,4}")) {
            Optional<ActionStatus> status = ActionStatus.parse(rest[1]);
            if (status.isPresent()) {
                String note = afterWords(arguments, 2);
                return new Command.UpdateAction(Integer.parseInt(rest[0]), status.get(),
                        note.isEmpty() ? Optional.empty() : Optional.of(note));
            }
        }
        if (rest.length < 2) {
            return new Command.Misused("usage.action");
        }
        // a mention's name part may hold spaces ("@{U1|Anna de Vries}"); only the id matters here
        String flat = Mention.replaceAll(arguments, Mention.FORM, match -> Mention.of(match.group(1)));
        List<String> words = new ArrayList<>(Arrays.asList(flat.split("\\s+")));
        String element = words.remove(0);
        Optional<String> due = Optional.empty();
        for (int count = Math.min(3, words.size() - 1); count >= 1 && due.isEmpty(); count--) {
            String tail = String.join(" ", words.subList(words.size() - count, words.size()));
            if (DeadlineParser.parse(tail, ZoneOffset.UTC).isPresent()) {
                due = Optional.of(tail);
                words.subList(words.size() - count, words.size()).clear();
            }
        }
        Optional<UserReference> owner = Optional.empty();
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        if (words.size() > 1 && last.startsWith("@")) {
            owner = UserReference.parse(last);
            words.remove(words.size() - 1);
        }
        String text = String.join(" ", words).strip();
        return text.isEmpty() ? new Command.Misused("usage.action") : new Command.RecordAction(element, text, owner, due);
    }

    /** "afwezig tot 14 februari 2027" or "afwezig @jan tot 14-2-2027" (English: "away [@user] until …"). */
    private static Command away(String arguments) {
        Optional<UserReference> user = Optional.empty();
        String rest = arguments;
        if (rest.startsWith("@")) {
            Optional<UserReference.Leading> named = UserReference.parseLeading(rest);
            if (named.isEmpty()) {
                return new Command.Misused("usage.away");
            }
            user = Optional.of(named.get().user());
            rest = named.get().rest();
        }
        String[] words = rest.split("\\s+", 2);
        if (words.length < 2 || !Set.of("tot", "until").contains(lower(words[0]))) {
            return new Command.Misused("usage.away");
        }
        return new Command.Away(user, words[1].strip());
    }

    /** "vergeet mij", "vergeet mij bevestig", "vergeet @jan", "vergeet @jan bevestig" (English: forget me / confirm). */
    private static Command forget(String arguments) {
        String[] words = arguments.strip().split("\\s+");
        String last = lower(words[words.length - 1]);
        boolean confirmed = Set.of("bevestig", "confirm").contains(last);
        String target = confirmed ? arguments.strip().substring(0, arguments.strip().length() - last.length()).strip()
                : arguments.strip();
        if (Set.of("mij", "me").contains(lower(target))) {
            return new Command.Forget(Optional.empty(), confirmed);
        }
        return UserReference.parseLeading(target).filter(l -> l.rest().isEmpty() && target.contains("@"))
                .<Command>map(l -> new Command.Forget(Optional.of(l.user()), confirmed))
                .orElse(new Command.Misused("usage.forget"));
    }

    /** "mijn resultaat", "mijn resultaat uit", "mijn resultaat aan" (English: my result [off|on]). */
    private static Command myResult(String[] rest) {
        if (rest.length == 1) {
            return new Command.MyResult(Optional.empty());
        }
        String word = rest.length == 2 ? lower(rest[1]) : "";
        return ON.contains(word) ? new Command.MyResult(Optional.of(true))
                : OFF.contains(word) ? new Command.MyResult(Optional.of(false))
                : new Command.Misused("usage.myResult");
    }

    /** "export", "export 3", "export csv", "export 3 csv". */
    private static Command export(String[] rest) {
        Optional<Integer> round = Optional.empty();
        boolean csv = false;
        for (String word : rest) {
            if (word.matches("\\d{1,4}") && round.isEmpty()) {
                round = Optional.of(Integer.parseInt(word));
            } else if (lower(word).equals("csv") && !csv) {
                csv = true;
            } else if (!lower(word).equals("xlsx")) {
                return new Command.Misused("usage.export");
            }
        }
        return new Command.Export(round, csv);
    }

    private static String join(String[] words, int from) {
        return String.join(" ", Arrays.copyOfRange(words, from, words.length)).strip();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
