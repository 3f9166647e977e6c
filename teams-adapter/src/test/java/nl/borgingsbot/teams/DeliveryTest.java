package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import nl.borgingsbot.core.chat.ChatChannel;
import nl.borgingsbot.core.chat.ChatUser;
import nl.borgingsbot.core.chat.DeliveryException;
import nl.borgingsbot.core.chat.Message;
import nl.borgingsbot.core.chat.PostedMessage;

/** How the gateway copes with the Bot Connector: throttling, refusals, unknown channels and people. */
class DeliveryTest extends TeamsHttpTest {

    @Autowired
    TeamsGateway gateway;

    private List<JsonNode> sentTo(String conversation) {
        return CONNECTOR.sentTo(conversation);
    }

    @Test
    void aThrottledSendIsRetriedAndDeliveredOnce() {
        String conversation = Activities.personalConversation("RETRY");
        CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(conversation), 429, Map.of("Retry-After", "0"));
        CONNECTOR.failNext(c -> c.isSend() && c.conversationId().equals(conversation), 412, Map.of());

        assertThat(send(activities.dm("RETRY", "help")).statusCode()).isEqualTo(200);

        // two refused attempts, then the one that was delivered
        assertThat(sentTo(conversation)).hasSize(3);
        assertThat(Cards.text(sentTo(conversation).get(2))).isNotBlank();
    }

    @Test
    void aChannelTheAppIsNotInIsReportedAsSuch() {
        ChatChannel unknown = new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, "19:never-installed@thread.tacv2");

        assertThatThrownBy(() -> gateway.postToChannel(unknown, Message.text("Rapport")))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.NOT_IN_CHANNEL));
    }

    @Test
    void aPersonInATenantTheAppWasNeverInstalledInIsUnreachable() {
        ChatUser stranger = new ChatUser(TeamsGateway.PLATFORM, "another-tenant", "aad-stranger");

        assertThatThrownBy(() -> gateway.sendDirect(stranger, Message.text("Hallo")))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.USER_UNREACHABLE));
    }

    @Test
    void aChannelThatWasRemovedIsNotFoundAndARefusedPostIsNotInChannel() {
        assertThat(send(activities.installInTeam("OWNER")).statusCode()).isEqualTo(200);
        ChatChannel channel = new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, Activities.CHANNEL);
        CONNECTOR.failNext(c -> c.path().equals("/v3/conversations"), 404, Map.of());
        CONNECTOR.failNext(c -> c.path().equals("/v3/conversations"), 403, Map.of());

        assertThatThrownBy(() -> gateway.postToChannel(channel, Message.text("Rapport")))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.CHANNEL_NOT_FOUND));
        assertThatThrownBy(() -> gateway.postToChannel(channel, Message.text("Rapport")))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.NOT_IN_CHANNEL));
    }

    @Test
    void aReplyInTheThreadGoesToTheConversationOfThePost() {
        assertThat(send(activities.installInTeam("OWNER")).statusCode()).isEqualTo(200);
        ChatChannel channel = new ChatChannel(TeamsGateway.PLATFORM, Activities.TENANT, Activities.CHANNEL);

        PostedMessage posted = gateway.postToChannel(channel, Message.text("Rapport"));
        gateway.replyInThread(posted, Message.text("Reflecties"));

        List<JsonNode> thread = sentTo(Activities.CHANNEL + ";messageid=" + posted.messageId());
        assertThat(thread).singleElement().satisfies(reply -> {
            assertThat(Cards.text(reply)).isEqualTo("Reflecties");
            assertThat(reply.path("replyToId").asText()).isEqualTo(posted.messageId());
        });
    }
}
