package nl.borgingsbot.core.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import nl.borgingsbot.core.actions.Action;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.checkin.CheckIn;
import nl.borgingsbot.core.checkin.Score;
import nl.borgingsbot.core.questionnaire.Prompt;
import nl.borgingsbot.core.questionnaire.Questionnaire;
import nl.borgingsbot.core.questionnaire.QuestionnaireCatalog;
import nl.borgingsbot.core.questionnaire.Statement;
import nl.borgingsbot.core.region.Partner;
import nl.borgingsbot.core.region.Region;
import nl.borgingsbot.core.round.Round;

/** Everything stored about one person, as JSON (for "mijn gegevens"). */
final class PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PersonalData() {
    }

    static byte[] json(ChatUser person, Stores repositories, QuestionnaireCatalog catalog) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identity", Map.of("platform", person.platform().key(), "workspace", person.workspace(),
                "userId", person.userId()));
        data.put("programmeManagerOf", repositories.regions().managedBy(person).stream().map(Region::name).toList());
        List<Object> partnerships = new ArrayList<>();
        for (Partner partner : repositories.regions().allPartnershipsOf(person)) {
            Region region = repositories.regions().byId(partner.regionId()).orElseThrow();
            Map<String, Object> partnership = new LinkedHashMap<>();
            partnership.put("region", region.name());
            partnership.put("organisation", partner.organisation());
            partnership.put("name", partner.name());
            partnership.put("active", repositories.regions().partners(region.id()).stream().anyMatch(p -> p.id() == partner.id()));
            repositories.absences().until(partner.id()).ifPresent(until -> partnership.put("awayUntil", until.toString()));
            partnership.put("rounds", repositories.checkIns().ofPartner(partner.id()).stream()
                    .map(checkIn -> round(checkIn, repositories, catalog)).toList());
            partnership.put("actionsOwned", repositories.actions().ofRegion(region.id()).stream()
                    .filter(a -> a.owner().filter(person::equals).isPresent())
                    .map(PersonalData::action).toList());
            partnerships.add(partnership);
        }
        data.put("partnerships", partnerships);
        return JSON.writeValueAsBytes(data);
    }

    private static Map<String, Object> round(CheckIn checkIn, Stores repositories, QuestionnaireCatalog catalog) {
        Round round = repositories.rounds().byId(checkIn.roundId()).orElseThrow();
        Questionnaire questionnaire = catalog.require(round.questionnaireId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("round", round.number());
        data.put("submittedAt", checkIn.submittedAt().map(Object::toString).orElse(null));
        Map<String, String> reflections = new LinkedHashMap<>();
        for (Prompt prompt : questionnaire.prompts()) {
            String text = checkIn.answers().reflections().get(prompt.id());
            if (text != null) {
                reflections.put(prompt.text().dutch(), text);
            }
        }
        data.put("reflections", reflections);
        List<Object> scores = new ArrayList<>();
        for (Statement statement : questionnaire.statements()) {
            Score score = checkIn.answers().scores().get(statement.element().id());
            if (score != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("statement", statement.text().dutch());
                entry.put("score", score.value());
                entry.put("toelichting", score.note().orElse(null));
                scores.add(entry);
            }
        }
        data.put("scores", scores);
        return data;
    }

    private static Map<String, Object> action(Action action) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("number", action.number());
        data.put("element", action.elementId());
        data.put("text", action.text());
        data.put("status", action.status().name());
        data.put("due", action.due().map(Object::toString).orElse(null));
        data.put("note", action.note().orElse(null));
        return data;
    }
}
