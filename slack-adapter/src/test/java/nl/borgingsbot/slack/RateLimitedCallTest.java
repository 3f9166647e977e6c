package nl.borgingsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.borgingsbot.core.chat.DeliveryException;

class RateLimitedCallTest {

    @Test
    void retryAfterIsRead() {
        assertThat(RateLimitedCall.seconds("3")).contains(Duration.ofSeconds(3));
        assertThat(RateLimitedCall.seconds(null)).isEmpty();
        assertThat(RateLimitedCall.seconds("soon")).isEmpty();
    }

    @Test
    void slackErrorsMapToReasonsTheCoreCanExplain() {
        assertThat(RateLimitedCall.reasonOf("not_in_channel")).isEqualTo(DeliveryException.Reason.NOT_IN_CHANNEL);
        assertThat(RateLimitedCall.reasonOf("channel_not_found")).isEqualTo(DeliveryException.Reason.CHANNEL_NOT_FOUND);
        assertThat(RateLimitedCall.reasonOf("is_archived")).isEqualTo(DeliveryException.Reason.CHANNEL_NOT_FOUND);
        assertThat(RateLimitedCall.reasonOf("user_not_found")).isEqualTo(DeliveryException.Reason.USER_GONE);
        assertThat(RateLimitedCall.reasonOf("account_inactive")).isEqualTo(DeliveryException.Reason.USER_GONE);
        assertThat(RateLimitedCall.reasonOf("cannot_dm_bot")).isEqualTo(DeliveryException.Reason.USER_UNREACHABLE);
        assertThat(RateLimitedCall.reasonOf("invalid_blocks")).isEqualTo(DeliveryException.Reason.OTHER);
        assertThat(RateLimitedCall.reasonOf(null)).isEqualTo(DeliveryException.Reason.OTHER);
    }
}
