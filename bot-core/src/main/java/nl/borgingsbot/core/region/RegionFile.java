package nl.borgingsbot.core.region;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;
import nl.borgingsbot.core.chat.Platforms;
import nl.borgingsbot.core.i18n.Refusal;

/**
 * Regions declared in a YAML file, for a programme with many regions:
 * <pre>
 * regions:
 *   - name: Amstelland
 *     platform: slack            # slack | teams
 *     workspace: T0123           # Slack team id / Teams tenant id
 *     channel: C0123
 *     language: nl               # optional, nl (default) or en
 *     timeZone: Europe/Amsterdam # optional
 *     anonymous: false           # optional: true/false or ja/nee
 *     questionnaire: sto-borging # optional
 *     workingHours: 08:00-18:00  # optional, Monday to Friday, local time
 *     managers: [U0PM]
 *     partners:
 *       - { user: U0AB, name: Anna, organisation: Vmbo De Brug }
 * </pre>
 * Strict, because a typo must not pass silently: a duplicate key, a value where a list belongs, a
 * yes/no that is not true/false/ja/nee, two regions on one channel or with one name, or one
 * partner twice is a {@link Refusal} naming the file, line, column and region. The file is read
 * as YAML nodes, so every refusal knows where it is.
 *
 * <p>Applying the file adds what is missing and updates settings; it never removes partners that
 * were added with commands. Everything is checked before the first write, so a refused file
 * changes nothing.
 */
public final class RegionFile {

    private static final Set<String> REGION_KEYS = Set.of("name", "platform", "workspace", "channel", "language",
            "timeZone", "anonymous", "questionnaire", "managers", "partners", "workingHours");
    private static final Set<String> PARTNER_KEYS = Set.of("user", "name", "organisation");
    private static final String PARTNER_EXAMPLE = "{ user: U0AB, name: Anna, organisation: Vmbo De Brug }";
    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "ja", true, "nee", false);

    /** Where something is in the file (line and column from 1), and in which region. */
    public record Location(String file, int line, int column, String region) {
        Location at(Node node) {
            Mark mark = node.getStartMark();
            return new Location(file, mark.getLine() + 1, mark.getColumn() + 1, region);
        }

        Location in(String regionName) {
            return new Location(file, line, column, regionName);
        }

        /** A refusal here: the arguments {0}–{3} are file, line, column and region, then {@code more}. */
        Refusal refuse(String key, Object... more) {
            Object[] args = new Object[4 + more.length];
            args[0] = file;
            args[1] = line;
            args[2] = column;
            args[3] = region;
            System.arraycopy(more, 0, args, 4, more.length);
            return new Refusal("config.regions." + key, args);
        }
    }

    /** One declared region, and where it is in the file. */
    public record Declared(NewRegion region, List<ChatUser> managers, List<DeclaredPartner> partners,
                           Optional<WorkingHours> workingHours, Location location) {
    }

    public record DeclaredPartner(ChatUser user, String name, String organisation) {
    }

    private RegionFile() {
    }

    /**
     * Parses the file; a {@link Refusal} names the file, line, column, region and the problem. A
     * region's platform must be one of {@code platforms} (the adapters present).
     */
    public static List<Declared> parse(String sourceName, Reader yaml, Platforms platforms) {
        Location file = new Location(sourceName, 1, 1, "-");
        Node root = compose(file, yaml);
        Node regions = root instanceof MappingNode top ? keys(file, top, Set.of("regions")).get("regions") : null;
        if (!(regions instanceof SequenceNode list)) {
            throw (root == null ? file : file.at(regions == null ? root : regions)).refuse("noList");
        }
        List<Declared> declared = new ArrayList<>();
        Map<String, Declared> byName = new HashMap<>();
        Map<ChatChannel, Declared> byChannel = new HashMap<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node node = list.getValue().get(i);
            Declared region = region(file.at(node).in("#" + (i + 1)), node, platforms);
            Location where = region.location();
            Declared sameName = byName.putIfAbsent(region.region().name().toLowerCase(Locale.ROOT), region);
            if (sameName != null) {
                throw where.refuse("duplicateName", sameName.location().line());
            }
            Declared sameChannel = byChannel.putIfAbsent(region.region().channel(), region);
            if (sameChannel != null) {
                throw where.refuse("duplicateChannel", region.region().channel().channelId(),
                        sameChannel.region().name(), sameChannel.location().line());
            }
            declared.add(region);
        }
        return List.copyOf(declared);
    }

    /** Refuses a region whose questionnaire is not one of {@code known}. */
    public static void checkQuestionnaires(List<Declared> declared, Collection<String> known) {
        for (Declared d : declared) {
            if (!known.contains(d.region().questionnaireId())) {
                throw d.location().refuse("unknownQuestionnaire", d.region().questionnaireId(), String.join(", ", known));
            }
        }
    }

    /**
     * Adds or updates the declared regions, their managers and partners. A name that already
     * belongs to a region on another channel is refused before anything is written.
     */
    public static void apply(List<Declared> declared, RegionRepository repository) {
        for (Declared d : declared) {
            Optional<Region> onChannel = repository.byChannel(d.region().channel());
            repository.byName(d.region().name())
                    .filter(named -> onChannel.map(r -> r.id() != named.id()).orElse(true))
                    .ifPresent(named -> {
                        throw d.location().refuse("nameTaken", named.channel().channelId());
                    });
        }
        for (Declared d : declared) {
            NewRegion n = d.region();
            Region region = repository.byChannel(n.channel())
                    .map(existing -> new Region(existing.id(), n.name(), n.channel(), n.language(), n.timeZone(),
                            n.anonymous(), n.questionnaireId()))
                    .orElseGet(() -> repository.create(n));
            repository.update(region);
            List<ChatUser> managers = repository.managers(region.id());
            d.managers().stream().filter(m -> !managers.contains(m)).forEach(m -> repository.addManager(region.id(), m));
            d.partners().forEach(p -> repository.addPartner(region.id(), p.user(), p.name(), p.organisation()));
        }
    }

    private static Node compose(Location file, Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : String.valueOf(e.getContext());
            Location where = mark == null ? file : new Location(file.file(), mark.getLine() + 1, mark.getColumn() + 1, "-");
            throw where.refuse("notYaml", problem);
        } catch (YAMLException e) {
            throw file.refuse("notYaml", e.getMessage().replace('\n', ' '));
        }
    }

    private static Declared region(Location where, Node node, Platforms platforms) {
        if (!(node instanceof MappingNode mapping)) {
            throw where.refuse("notAMapping");
        }
        for (NodeTuple tuple : mapping.getValue()) { // name the region in every refusal, also of its keys
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
                    && tuple.getValueNode() instanceof ScalarNode value && !value.getValue().isBlank()) {
                where = where.in(value.getValue().strip());
            }
        }
        Map<String, Node> entry = keys(where, mapping, REGION_KEYS);
        String name = required(where, mapping, entry, "name");
        String platformKey = required(where, mapping, entry, "platform");
        Location onPlatform = where.at(entry.get("platform"));
        Platform platform = platforms.find(platformKey)
                .orElseThrow(() -> onPlatform.refuse("platform", platformKey, platforms.listed()));
        String workspace = required(where, mapping, entry, "workspace");
        ChatChannel channel = new ChatChannel(platform, workspace, required(where, mapping, entry, "channel"));
        String language = optional(where, entry, "language").orElse("nl");
        if (!Set.of("nl", "en").contains(language)) {
            throw where.at(entry.get("language")).refuse("language", language);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(optional(where, entry, "timeZone").orElse(Region.AMSTERDAM.getId()));
        } catch (DateTimeException e) {
            throw where.at(entry.get("timeZone")).refuse("timeZone", optional(where, entry, "timeZone").orElse(""));
        }
        Optional<String> anonymousText = optional(where, entry, "anonymous");
        Boolean anonymous = BOOLEANS.get(anonymousText.orElse("false").toLowerCase(Locale.ROOT));
        if (anonymous == null) {
            throw where.at(entry.get("anonymous")).refuse("notABoolean", "anonymous", anonymousText.orElse(""));
        }
        NewRegion region = new NewRegion(name, channel, Locale.forLanguageTag(language), zone, anonymous,
                optional(where, entry, "questionnaire").orElse(Region.DEFAULT_QUESTIONNAIRE));
        List<ChatUser> managers = new ArrayList<>();
        for (Node id : sequence(where, entry, "managers", "[U0PM]")) {
            ChatUser manager = new ChatUser(platform, workspace, scalar(where.at(id), id, "managers"));
            if (!managers.contains(manager)) {
                managers.add(manager);
            }
        }
        List<DeclaredPartner> partners = new ArrayList<>();
        Map<String, Integer> partnerLines = new HashMap<>();
        for (Node item : sequence(where, entry, "partners", "[" + PARTNER_EXAMPLE + "]")) {
            Location at = where.at(item);
            if (!(item instanceof MappingNode p)) {
                throw at.refuse("partner", PARTNER_EXAMPLE);
            }
            Map<String, Node> keys = keys(at, p, PARTNER_KEYS);
            String user = required(at, p, keys, "user");
            Integer earlier = partnerLines.putIfAbsent(user, at.line());
            if (earlier != null) {
                throw at.refuse("duplicatePartner", user, earlier);
            }
            partners.add(new DeclaredPartner(new ChatUser(platform, workspace, user),
                    required(at, p, keys, "name"), required(at, p, keys, "organisation")));
        }
        Optional<String> hoursText = optional(where, entry, "workingHours");
        Optional<WorkingHours> hours = hoursText.flatMap(WorkingHours::parse);
        if (hoursText.isPresent() && hours.isEmpty()) {
            throw where.at(entry.get("workingHours")).refuse("workingHours", hoursText.get());
        }
        return new Declared(region, List.copyOf(managers), List.copyOf(partners), hours, where);
    }

    /** The keys of a mapping and their values; an unknown or repeated key is refused. */
    private static Map<String, Node> keys(Location where, MappingNode mapping, Set<String> allowed) {
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(key)) {
                throw where.at(keyNode).refuse("unknownKey", key, String.join(", ", allowed.stream().sorted().toList()));
            }
            Node earlier = keyNodes.putIfAbsent(key, keyNode);
            if (earlier != null) {
                throw where.at(keyNode).refuse("duplicateKey", key, earlier.getStartMark().getLine() + 1);
            }
            values.put(key, tuple.getValueNode());
        }
        return values;
    }

    private static String required(Location where, MappingNode mapping, Map<String, Node> entry, String key) {
        return optional(where, entry, key).filter(v -> !v.isBlank())
                .orElseThrow(() -> where.at(entry.getOrDefault(key, mapping)).refuse("missing", key));
    }

    private static Optional<String> optional(Location where, Map<String, Node> entry, String key) {
        Node value = entry.get(key);
        if (value == null || Tag.NULL.equals(value.getTag())) {
            return Optional.empty();
        }
        return Optional.of(scalar(where.at(value), value, key));
    }

    private static String scalar(Location where, Node value, String key) {
        if (!(value instanceof ScalarNode s)) {
            throw where.refuse("notAValue", key);
        }
        return s.getValue().strip();
    }

    /** A list under {@code key} (empty when absent); a single value there is refused with an example. */
    private static List<Node> sequence(Location where, Map<String, Node> entry, String key, String example) {
        Node value = entry.get(key);
        if (value == null || Tag.NULL.equals(value.getTag())) {
            return List.of();
        }
        if (!(value instanceof SequenceNode list)) {
            throw where.at(value).refuse("notAList", key, example);
        }
        return list.getValue();
    }
}
