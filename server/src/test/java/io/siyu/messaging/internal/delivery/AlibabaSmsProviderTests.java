package io.siyu.messaging.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.TestSmsServer;
import io.siyu.messaging.internal.delivery.Delivery.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider against a local stand-in of Alibaba Cloud SMS that checks every signature: what it accepts is sent
 * with its BizId, and each refusal settles the message as the provider's code means.
 */
class AlibabaSmsProviderTests {

    final TestSmsServer server = TestSmsServer.get();
    final AlibabaSmsProvider provider = SmsFixtures.provider(Clock.systemUTC());

    @Test
    void aSignedRequestIsAcceptedWithItsBizId() {
        var number = SmsFixtures.freshNumber();

        var delivery = provider.send(List.of(SmsFixtures.welcome(11, number))).getFirst();

        assertThat(delivery.status()).isEqualTo(Status.SENT);
        var accepted = server.await(SmsFixtures.provided(number), 1).getFirst();
        assertThat(accepted.action()).isEqualTo("SendSms");
        assertThat(delivery.providerMessageId()).isEqualTo(accepted.bizId());
        assertThat(accepted.signName()).isEqualTo(TestSmsServer.SIGN_NAME);
        assertThat(accepted.parameters().get("name").asString()).isEqualTo("Ying");
    }

    @Test
    void aWrongSecretIsRefusedAndParksTheMessage() {
        var forged = new AlibabaSmsProvider(
                SmsFixtures.settings("not-the-secret"), JsonMapper.builder().build(), Clock.systemUTC());
        var number = SmsFixtures.freshNumber();

        var delivery = forged.send(List.of(SmsFixtures.welcome(12, number))).getFirst();

        assertThat(delivery.status()).isEqualTo(Status.PARKED);
        assertThat(delivery.detail()).contains("SignatureDoesNotMatch");
        assertThat(server.to(SmsFixtures.provided(number))).isEmpty();
    }

    @Test
    void aStaleDateIsRefusedAndTriedAgainLater() {
        var late = SmsFixtures.provider(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)));
        var number = SmsFixtures.freshNumber();

        var delivery = late.send(List.of(SmsFixtures.welcome(13, number))).getFirst();

        assertThat(delivery.status()).isEqualTo(Status.RETRY);
        assertThat(delivery.detail()).contains("InvalidTimeStamp.Expired");
        assertThat(server.to(SmsFixtures.provided(number))).isEmpty();
    }

    @Test
    void anUnknownTemplateOrSignatureParksTheMessage() {
        var template = provider.send(List.of(SmsFixtures.message(
                        14, SmsFixtures.freshNumber(), "SMS_999999999", TestSmsServer.SIGN_NAME, Map.of("name", "x"))))
                .getFirst();
        var signature = provider.send(List.of(SmsFixtures.message(
                        15, SmsFixtures.freshNumber(), "SMS_100000001", "别的签名", Map.of("name", "x"))))
                .getFirst();

        assertThat(template.status()).isEqualTo(Status.PARKED);
        assertThat(template.detail()).contains("isv.SMS_TEMPLATE_ILLEGAL");
        assertThat(signature.status()).isEqualTo(Status.PARKED);
        assertThat(signature.detail()).contains("isv.SMS_SIGNATURE_ILLEGAL");
    }

    @Test
    void messagesOfOneTemplateGoInOneBatchWithOneBizId() {
        var numbers = List.of(SmsFixtures.freshNumber(), SmsFixtures.freshNumber(), SmsFixtures.freshNumber());
        var before = server.requests();

        var deliveries = provider.send(List.of(
                SmsFixtures.welcome(21, numbers.get(0)),
                SmsFixtures.welcome(22, numbers.get(1)),
                SmsFixtures.welcome(23, numbers.get(2))));

        assertThat(deliveries).extracting(Delivery::status).containsOnly(Status.SENT);
        assertThat(deliveries).extracting(Delivery::sendId).containsExactly(21L, 22L, 23L);
        assertThat(server.requests() - before).isEqualTo(1);
        var accepted = server.await(SmsFixtures.provided(numbers.get(1)), 1).getFirst();
        assertThat(accepted.action()).isEqualTo("SendBatchSms");
        assertThat(deliveries).extracting(Delivery::providerMessageId).containsOnly(accepted.bizId());
    }

    @Test
    void anIllegalNumberInABatchFailsAloneAndTheOthersAreSent() {
        var good = SmsFixtures.freshNumber();

        var deliveries =
                provider.send(List.of(SmsFixtures.welcome(31, good), SmsFixtures.welcome(32, "+8612000000000")));

        assertThat(deliveries.get(0).status()).isEqualTo(Status.SENT);
        assertThat(deliveries.get(1).status()).isEqualTo(Status.REJECTED);
        assertThat(deliveries.get(1).detail()).contains("isv.MOBILE_NUMBER_ILLEGAL");
        assertThat(server.await(SmsFixtures.provided(good), 1).getFirst().action())
                .isEqualTo("SendSms");
    }

    @Test
    void aNumberAtItsLimitWaitsAndIsNeverLost() {
        var number = SmsFixtures.freshNumber();
        server.throttle(SmsFixtures.provided(number), 1);

        var first = provider.send(List.of(SmsFixtures.welcome(41, number))).getFirst();
        var again = provider.send(List.of(SmsFixtures.welcome(41, number))).getFirst();

        assertThat(first.status()).isEqualTo(Status.DEFERRED);
        assertThat(first.retryAfter()).isEqualTo(AlibabaSmsErrors.NUMBER_LIMIT_WAIT);
        assertThat(again.status()).isEqualTo(Status.SENT);
    }

    @Test
    void aParameterTooLongForTheProviderFailsBeforeAnyRequest() {
        var before = server.requests();

        var delivery = provider.send(List.of(SmsFixtures.message(
                        51,
                        SmsFixtures.freshNumber(),
                        "SMS_100000001",
                        TestSmsServer.SIGN_NAME,
                        Map.of("name", "x".repeat(36)))))
                .getFirst();

        assertThat(delivery.status()).isEqualTo(Status.REJECTED);
        assertThat(delivery.detail()).contains("'name'", "36");
        assertThat(server.requests()).isEqualTo(before);
    }

    @Test
    void anUnreachableProviderIsTriedAgain() {
        var settings = SmsFixtures.settings(TestSmsServer.ACCESS_KEY_SECRET);
        var unreachable = new AlibabaSmsProvider(
                new MessagingProperties.Sms(
                        settings.accessKeyId(),
                        settings.accessKeySecret(),
                        java.net.URI.create("http://127.0.0.1:1"),
                        null,
                        settings.optOut(),
                        settings.unsubscribeKeywords(),
                        null,
                        Duration.ofSeconds(2),
                        100),
                JsonMapper.builder().build(),
                Clock.systemUTC());

        var delivery = unreachable
                .send(List.of(SmsFixtures.welcome(61, SmsFixtures.freshNumber())))
                .getFirst();

        assertThat(delivery.status()).isEqualTo(Status.RETRY);
    }

    @Test
    void numbersAreWrittenAsTheProviderTakesThemAndReadBackFromItsPushes() {
        assertThat(AlibabaSmsProvider.number("+8613812345678")).isEqualTo("13812345678");
        assertThat(AlibabaSmsProvider.number("+85291234567")).isEqualTo("85291234567");
        assertThat(AlibabaSmsProvider.number("13812345678")).isNull();
        assertThat(AlibabaSmsProvider.e164("13812345678")).isEqualTo("+8613812345678");
        assertThat(AlibabaSmsProvider.e164("85291234567")).isEqualTo("+85291234567");
        assertThat(AlibabaSmsProvider.e164("008613812345678")).isEqualTo("+8613812345678");
        assertThat(AlibabaSmsProvider.e164("not a number")).isNull();
    }
}
