package io.siyu.webhooks.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.webhooks.internal.delivery.Verdict.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

class VerdictTests {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void everyTwoHundredIsDelivered() {
        for (var status : new int[] {200, 201, 202, 204, 299}) {
            assertThat(Verdict.of(status, null, NOW).kind()).as("%d", status).isEqualTo(Kind.DELIVERED);
        }
    }

    @Test
    void serverErrorsTimeoutsOfTheReceiverAndRateLimitsAreRetried() {
        for (var status : new int[] {500, 502, 503, 504, 408, 429}) {
            assertThat(Verdict.of(status, null, NOW).kind()).as("%d", status).isEqualTo(Kind.RETRY);
        }
    }

    @Test
    void otherClientErrorsRedirectsAndGoneFailForGood() {
        for (var status : new int[] {400, 401, 403, 404, 409, 410, 413, 422, 301, 302, 307, 100}) {
            assertThat(Verdict.of(status, null, NOW).kind()).as("%d", status).isEqualTo(Kind.FAILED);
        }
        assertThat(Verdict.of(302, null, NOW).detail()).contains("redirects are not followed");
    }

    @Test
    void noAnswerAtAllIsRetried() {
        assertThat(Verdict.of(new ConnectTimeoutException("x")).kind()).isEqualTo(Kind.RETRY);
        assertThat(Verdict.of(new ConnectTimeoutException("x")).detail()).isEqualTo("connecting timed out");
        assertThat(Verdict.of(new SocketTimeoutException("x")).detail()).isEqualTo("no answer in time");
        assertThat(Verdict.of(new ConnectException("x")).kind()).isEqualTo(Kind.RETRY);
        assertThat(Verdict.of(new IOException("reset")).kind()).isEqualTo(Kind.RETRY);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(Verdict.of(429, "120", NOW).retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(Verdict.of(503, "Mon, 07 Dec 2026 10:05:00 GMT", NOW).retryAfter())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(Verdict.of(503, "Mon, 07 Dec 2026 09:00:00 GMT", NOW).retryAfter())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableRetryAfterIsIgnoredAndAHugeOneIsCut() {
        assertThat(Verdict.of(429, "soon", NOW).retryAfter()).isNull();
        assertThat(Verdict.of(429, "-5", NOW).retryAfter()).isNull();
        assertThat(Verdict.of(429, "9999999999", NOW).retryAfter()).isEqualTo(Verdict.LONGEST_RETRY_AFTER);
    }
}
