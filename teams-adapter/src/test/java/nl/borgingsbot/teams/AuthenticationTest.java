package nl.borgingsbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import com.microsoft.bot.connector.authentication.ChannelValidation;

/** With an app id configured, only requests the Bot Framework signed get through (fail closed). */
class AuthenticationTest extends TeamsHttpTest {

    private String hello() {
        return activities.dm("AUTH", "help");
    }

    @Test
    void aValidTokenIsAcceptedAndTheReplyCarriesTheBotsOwnToken() {
        assertThat(send(hello()).statusCode()).isEqualTo(200);

        assertThat(CONNECTOR.sentTo(Activities.personalConversation("AUTH"))).isNotEmpty();
        assertThat(CONNECTOR.calls()).filteredOn(FakeBotConnector.Call::isSend)
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + FakeBotConnector.TOKEN));
    }

    @Test
    void noTokenIsRefused() {
        assertThat(post(hello(), null).statusCode()).isEqualTo(401);
        assertThat(post("not even json", null).statusCode()).isEqualTo(401);
    }

    @Test
    void garbageForgedExpiredOrMisdirectedTokensAreRefused() {
        String serviceUrl = CONNECTOR.url();
        assertThat(post(hello(), "Bearer garbage").statusCode()).isEqualTo(401);
        assertThat(post(hello(), "garbage").statusCode()).isEqualTo(401);
        assertThat(post(hello(), "Bearer " + BOT_FRAMEWORK.forgedToken(APP_ID, serviceUrl)).statusCode()).isEqualTo(401);
        assertThat(post(hello(), "Bearer " + BOT_FRAMEWORK.expiredToken(APP_ID, serviceUrl)).statusCode()).isEqualTo(401);
        assertThat(post(hello(), "Bearer " + BOT_FRAMEWORK.token("another-app", serviceUrl)).statusCode()).isEqualTo(401);
        assertThat(post(hello(), "Bearer " + BOT_FRAMEWORK.token(APP_ID, "http://127.0.0.1:1/elsewhere/"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void whenTheSigningKeysCannotBeFetchedEveryRequestIsRefused() throws IOException {
        String configured = ChannelValidation.getOpenIdMetaDataUrl();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ChannelValidation.setOpenIdMetaDataUrl("http://127.0.0.1:" + closedPort + "/openid");
        try {
            assertThat(send(hello()).statusCode()).isEqualTo(401);
        } finally {
            ChannelValidation.setOpenIdMetaDataUrl(configured);
        }
        assertThat(send(hello()).statusCode()).isEqualTo(200);
    }
}
