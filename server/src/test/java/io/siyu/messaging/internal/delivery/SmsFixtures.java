package io.siyu.messaging.internal.delivery;

import io.siyu.TestSmsServer;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/** Messages, numbers and providers for the SMS channel's plain tests, sending to the suite's stand-in provider. */
final class SmsFixtures {

    private SmsFixtures() {}

    /** A mainland mobile number, in E.164, that no other test uses. */
    static String freshNumber() {
        return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Outgoing message(long sendId, String to, String templateCode, String signName, Map<String, String> params) {
        return new Outgoing(
                sendId,
                to,
                "masked",
                new TemplateRenderer.Rendered(
                        templateCode, null, "text", new TemplateRenderer.SmsMessage(templateCode, signName, params)),
                Map.of());
    }

    static Outgoing welcome(long sendId, String to) {
        return message(sendId, to, "SMS_100000001", TestSmsServer.SIGN_NAME, Map.of("name", "Ying"));
    }

    static MessagingProperties.Sms settings(String secret) {
        return new MessagingProperties.Sms(
                TestSmsServer.ACCESS_KEY_ID,
                secret,
                java.net.URI.create(TestSmsServer.get().endpoint()),
                null,
                "拒收请回复R",
                List.of("T", "TD", "退订", "R", "N", "STOP"),
                TestSmsServer.CALLBACK_TOKEN,
                Duration.ofSeconds(5),
                100);
    }

    static AlibabaSmsProvider provider(Clock clock) {
        return new AlibabaSmsProvider(
                settings(TestSmsServer.ACCESS_KEY_SECRET), JsonMapper.builder().build(), clock);
    }

    /** The number as the provider writes it. */
    static String provided(String e164) {
        return e164.substring(3);
    }
}
