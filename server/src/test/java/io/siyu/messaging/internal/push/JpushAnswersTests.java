package io.siyu.messaging.internal.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.messaging.internal.delivery.Delivery.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What each of JPush's answers makes of a ledger row. */
class JpushAnswersTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JpushProvider.Answer answer(int status, String body, String remaining, String reset) {
        tools.jackson.databind.JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            json = null;
        }
        return new JpushProvider.Answer(status, json, remaining, reset, null);
    }

    private static JpushProvider.Answer error(int status, int code) {
        return answer(status, "{\"error\":{\"code\":" + code + ",\"message\":\"m\"}}", null, null);
    }

    @Test
    void aMsgIdIsTheMessageSent() {
        var delivery = answer(200, "{\"sendno\":\"7\",\"msg_id\":\"18100000001\"}", "599", "60")
                .outcome(7);

        assertThat(delivery.status()).isEqualTo(Status.SENT);
        assertThat(delivery.providerMessageId()).isEqualTo("18100000001");
    }

    @Test
    void noSuchDeviceOrATooBigNotificationFailsForGood() {
        assertThat(error(400, 1011).outcome(1).status()).isEqualTo(Status.REJECTED);
        assertThat(error(400, 1005).outcome(1).status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void refusedCredentialsOrParametersAreParkedForPeople() {
        for (var code : new int[] {1002, 1003, 1004, 1008}) {
            assertThat(error(code == 1004 ? 401 : 400, code).outcome(1).status())
                    .as("code %d", code)
                    .isEqualTo(Status.PARKED);
        }
        assertThat(answer(401, "not json", null, null).outcome(1).status()).isEqualTo(Status.PARKED);
    }

    @Test
    void aRateLimitWaitsUntilTheWindowOpens() {
        var limited = answer(429, "{\"error\":{\"code\":2002,\"message\":\"m\"}}", "0", "42")
                .outcome(1);
        var broadcast = error(400, 2008).outcome(1);

        assertThat(limited.status()).isEqualTo(Status.DEFERRED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(42));
        assertThat(broadcast.status()).isEqualTo(Status.DEFERRED);
        assertThat(broadcast.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theLastCallOfTheWindowHoldsTheRest() {
        assertThat(answer(200, "{\"msg_id\":\"1\"}", "0", "17").exhausted()).isEqualTo(Duration.ofSeconds(17));
        assertThat(answer(200, "{\"msg_id\":\"1\"}", "3", "17").exhausted()).isNull();
    }

    @Test
    void serverErrorsAndFailedExchangesAreTriedAgain() {
        assertThat(error(500, 1000).outcome(1).status()).isEqualTo(Status.RETRY);
        assertThat(error(503, 1030).outcome(1).status()).isEqualTo(Status.RETRY);
        assertThat(answer(502, "<html>", null, null).outcome(1).status()).isEqualTo(Status.RETRY);
        assertThat(JpushProvider.Answer.failure("timed out").outcome(1).status())
                .isEqualTo(Status.RETRY);
    }
}
