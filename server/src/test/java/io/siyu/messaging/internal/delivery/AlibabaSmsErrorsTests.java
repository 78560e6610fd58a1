package io.siyu.messaging.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.messaging.internal.delivery.Delivery.Status;
import org.junit.jupiter.api.Test;

/** How each answer code of Alibaba Cloud SMS settles a message. */
class AlibabaSmsErrorsTests {

    static Delivery outcome(String code) {
        return AlibabaSmsErrors.outcome(7, code, "message", "bizId^0");
    }

    @Test
    void okIsSentWithTheBizId() {
        assertThat(outcome("OK")).isEqualTo(Delivery.sent(7, "bizId^0"));
    }

    @Test
    void rateLimitsWaitWithoutCountingAsFailures() {
        assertThat(outcome("isv.BUSINESS_LIMIT_CONTROL").status()).isEqualTo(Status.DEFERRED);
        assertThat(outcome("isv.BUSINESS_LIMIT_CONTROL").retryAfter()).isEqualTo(AlibabaSmsErrors.NUMBER_LIMIT_WAIT);
        assertThat(outcome("Throttling.User").status()).isEqualTo(Status.DEFERRED);
        assertThat(outcome("Throttling").retryAfter()).isEqualTo(AlibabaSmsErrors.THROTTLED_WAIT);
    }

    @Test
    void aNumberThatCannotGetTheMessageFailsForGood() {
        assertThat(outcome("isv.MOBILE_NUMBER_ILLEGAL").status()).isEqualTo(Status.REJECTED);
        assertThat(outcome("isv.PARAM_LENGTH_LIMIT").status()).isEqualTo(Status.REJECTED);
        assertThat(AlibabaSmsErrors.concernsOneNumber("isv.MOBILE_NUMBER_ILLEGAL"))
                .isTrue();
        assertThat(AlibabaSmsErrors.concernsOneNumber("isv.BUSINESS_LIMIT_CONTROL"))
                .isTrue();
        assertThat(AlibabaSmsErrors.concernsOneNumber("isv.SMS_TEMPLATE_ILLEGAL"))
                .isFalse();
    }

    @Test
    void whatPeopleMustFixParksTheMessageWithTheCode() {
        for (var code : java.util.List.of(
                "isv.SMS_TEMPLATE_ILLEGAL",
                "isv.SMS_SIGNATURE_ILLEGAL",
                "isv.AMOUNT_NOT_ENOUGH",
                "SignatureDoesNotMatch",
                "InvalidAccessKeyId.NotFound")) {
            var outcome = outcome(code);
            assertThat(outcome.status()).as(code).isEqualTo(Status.PARKED);
            assertThat(outcome.detail()).contains(code);
        }
    }

    @Test
    void theProvidersOwnErrorsAndUnknownCodesAreTriedAgain() {
        assertThat(outcome("isp.SYSTEM_ERROR").status()).isEqualTo(Status.RETRY);
        assertThat(outcome("InvalidTimeStamp.Expired").status()).isEqualTo(Status.RETRY);
        assertThat(outcome("isv.SOMETHING_NEW").status()).isEqualTo(Status.RETRY);
    }
}
