package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.InboundEvent;

class InboundMapperTest {

    private final Activities activities = new Activities("http://127.0.0.1:9/");
    private final Map<String, String> directory = Map.of(Activities.teamsId("ANNA"), Activities.aad("ANNA"));
    private final InboundMapper mapper = new InboundMapper(
            (activity, teamsId) -> Optional.ofNullable(directory.get(teamsId)), "fallback");

    private InboundEvent map(String json) {
        return mapper.map(ActivityJson.parse(json)).orElseThrow();
    }

    private static String idOf(String json) {
        return ActivityJson.parse(json).getId();
    }

    @Test
    void aPersonalMessageIsATextReplyFromTheTenantAndAadObjectIdKeyedByTheActivityId() {
        String dm = activities.dm("U1", "4 omdat we <b>dat</b> doen");
        InboundEvent event = map(dm);

        assertThat(event).isEqualTo(new InboundEvent.TextReply(
                new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad("U1")), Optional.empty(),
                "4 omdat we <b>dat</b> doen", "activity:" + idOf(dm)));
        assertThat(map(dm).key()).as("the same activity sent again has the same key").isEqualTo(event.key());
    }

    @Test
    void aChannelMentionLosesTheBotsMentionAndNamesOtherPeopleTheWayTheCoreReadsThem() {
        InboundEvent event = map(activities.mention("ADMIN", "root-1",
                "partner toevoegen <at>ANNA</at> Vmbo De Brug", "ANNA"));

        assertThat(event).isInstanceOfSatisfying(InboundEvent.TextReply.class, reply -> {
            assertThat(reply.channel()).contains(new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, Activities.CHANNEL));
            assertThat(reply.text()).isEqualTo("partner toevoegen @{" + Activities.aad("ANNA") + "|ANNA} Vmbo De Brug");
        });
    }

    @Test
    void aCardSubmitIsAChoiceWithTheTypedToelichting() throws Exception {
        ObjectNode data = new ObjectMapper().createObjectNode().put(AdaptiveCards.ACTION_ID, "checkin.score")
                .put(AdaptiveCards.VALUE, "7:cultuur:4").put(AdaptiveCards.LABEL, "4");

        String submit = activities.submit("U1", "card-1", data, "  omdat het zo is ");
        InboundEvent withNote = map(submit);
        InboundEvent withoutNote = map(activities.submit("U1", "card-1", data, " "));

        assertThat(withNote).isEqualTo(new InboundEvent.ChoiceMade(
                new ChatUser(TeamsGateway.PLATFORM, Activities.TENANT, Activities.aad("U1")), Optional.empty(),
                "checkin.score", "7:cultuur:4", Optional.of("omdat het zo is"), "activity:" + idOf(submit)));
        assertThat(((InboundEvent.ChoiceMade) withoutNote).note()).isEmpty();
    }

    @Test
    void installEventsAreNotForTheCore() {
        assertThat(mapper.map(ActivityJson.parse(activities.installPersonal("U1")))).isEmpty();
        assertThat(mapper.map(ActivityJson.parse(activities.installInTeam("U1")))).isEmpty();
    }
}
