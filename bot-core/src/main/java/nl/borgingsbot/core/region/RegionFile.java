package nl.borgingsbot.core.region;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.Platform;

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
 *     anonymous: false           # optional
 *     questionnaire: sto-borging # optional
 *     workingHours: 08:00-18:00  # optional, Monday to Friday, local time
 *     managers: [U0PM]
 *     partners:
 *       - { user: U0AB, name: Anna, organisation: Vmbo De Brug }
 * </pre>
 * Applying the file adds what is missing and updates settings; it never removes partners that
 * were added with commands.
 */
public final class RegionFile {

    private static final Set<String> REGION_KEYS = Set.of("name", "platform", "workspace", "channel", "language",
            "timeZone", "anonymous", "questionnaire", "managers", "partners", "workingHours");

    /** One declared region. */
    public record Declared(NewRegion region, List<ChatUser> managers, List<DeclaredPartner> partners,
                           Optional<WorkingHours> workingHours) {
    }

    public record DeclaredPartner(ChatUser user, String name, String organisation) {
    }

    private RegionFile() {
    }

    /** Parses the file; an {@link IllegalArgumentException} names the file, the region and the problem. */
    public static List<Declared> parse(String sourceName, Reader yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(sourceName + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("regions") instanceof List<?> list)) {
            throw new IllegalArgumentException(sourceName + ": expected a top-level 'regions:' list");
        }
        List<Declared> regions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = sourceName + ": region " + (i + 1);
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + " is not a mapping");
            }
            regions.add(region(where, entry));
        }
        return regions;
    }

    /** Adds or updates the declared regions, their managers and partners. */
    public static void apply(List<Declared> declared, RegionRepository repository) {
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

    private static Declared region(String where, Map<?, ?> entry) {
        for (Object key : entry.keySet()) {
            if (!REGION_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: " + REGION_KEYS + ")");
            }
        }
        String name = required(where, entry, "name");
        where = where + " (" + name + ")";
        Platform platform;
        try {
            platform = Platform.fromKey(required(where, entry, "platform"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": platform must be slack or teams", e);
        }
        String workspace = required(where, entry, "workspace");
        ChatChannel channel = new ChatChannel(platform, workspace, required(where, entry, "channel"));
        String language = optional(entry, "language", "nl");
        if (!Set.of("nl", "en").contains(language)) {
            throw new IllegalArgumentException(where + ": language must be nl or en, was '" + language + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(optional(entry, "timeZone", Region.AMSTERDAM.getId()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": unknown timeZone '" + entry.get("timeZone") + "'", e);
        }
        boolean anonymous = Boolean.parseBoolean(optional(entry, "anonymous", "false"));
        NewRegion region = new NewRegion(name, channel, Locale.forLanguageTag(language), zone, anonymous,
                optional(entry, "questionnaire", Region.DEFAULT_QUESTIONNAIRE));
        List<ChatUser> managers = new ArrayList<>();
        if (entry.get("managers") instanceof List<?> ids) {
            ids.forEach(id -> managers.add(new ChatUser(platform, workspace, String.valueOf(id))));
        }
        List<DeclaredPartner> partners = new ArrayList<>();
        if (entry.get("partners") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> p)) {
                    throw new IllegalArgumentException(where + ": each partner needs user, name and organisation");
                }
                partners.add(new DeclaredPartner(new ChatUser(platform, workspace, required(where, p, "user")),
                        required(where, p, "name"), required(where, p, "organisation")));
            }
        }
        Optional<WorkingHours> hours = Optional.empty();
        if (entry.get("workingHours") != null) {
            hours = WorkingHours.parse(String.valueOf(entry.get("workingHours")));
            if (hours.isEmpty()) {
                throw new IllegalArgumentException(where + ": workingHours must be like 08:00-18:00 (start before end), was '"
                        + entry.get("workingHours") + "'");
            }
        }
        return new Declared(region, managers, partners, hours);
    }

    private static String required(String where, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is missing");
        }
        return String.valueOf(value).strip();
    }

    private static String optional(Map<?, ?> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : String.valueOf(value).strip();
    }
}
