package io.siyu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring context of the test suite its own fresh database on the test PostgreSQL server and its own data
 * folder, so that contexts never see each other's rows or lock each other's files, and sends their e-mail to the test
 * suite's SMTP server ({@link TestMailServer}), their SMS to its stand-in for Alibaba Cloud SMS
 * ({@link TestSmsServer}), their WeChat messages to its stand-in for WeChat's server API ({@link TestWechatServer}),
 * their app pushes to its stand-in for JPush ({@link TestJpushServer}) and their WeCom tasks to its stand-in for WeCom
 * ({@link TestWecomServer}).
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** All instances are equal, so that Spring's context cache still shares contexts of equal configuration. */
    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var database = TestDatabase.get();
            try {
                var dataDir = Files.createTempDirectory("siyu-test-data");
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "siyu-test-database",
                                Map.of(
                                        "spring.datasource.url", database.createDatabase(),
                                        "spring.datasource.username", database.user(),
                                        "spring.datasource.password", database.password(),
                                        "siyu.data-dir", dataDir.toString(),
                                        "logging.file.name",
                                                dataDir.resolve("siyu.log").toString(),
                                        "siyu.messaging.email.smtp.host", "127.0.0.1",
                                        "siyu.messaging.email.smtp.port", String.valueOf(TestMailServer.port()),
                                        "siyu.messaging.email.smtp.start-tls", "false")));
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "siyu-test-sms",
                                Map.of(
                                        "siyu.messaging.sms.access-key-id", TestSmsServer.ACCESS_KEY_ID,
                                        "siyu.messaging.sms.access-key-secret", TestSmsServer.ACCESS_KEY_SECRET,
                                        "siyu.messaging.sms.endpoint",
                                                TestSmsServer.get().endpoint(),
                                        "siyu.messaging.sms.callback-token", TestSmsServer.CALLBACK_TOKEN)));
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "siyu-test-push",
                                Map.of(
                                        "siyu.messaging.push.app-key",
                                        TestJpushServer.APP_KEY,
                                        "siyu.messaging.push.master-secret",
                                        TestJpushServer.MASTER_SECRET,
                                        "siyu.messaging.push.endpoint",
                                        TestJpushServer.get().endpoint(),
                                        "siyu.messaging.push.timeout",
                                        "5s",
                                        "siyu.messaging.push.receipts.endpoint",
                                        TestJpushServer.get().reportEndpoint(),
                                        // tests poll themselves: the schedule's first poll is a week away
                                        "siyu.messaging.push.receipts.every",
                                        "7d")));
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "siyu-test-wecom",
                                Map.of(
                                        "siyu.messaging.wecom.corp-id", TestWecomServer.CORP_ID,
                                        "siyu.messaging.wecom.secret", TestWecomServer.SECRET,
                                        "siyu.messaging.wecom.endpoint",
                                                TestWecomServer.get().endpoint(),
                                        "siyu.messaging.wecom.default-sender", TestWecomServer.DEFAULT_SENDER,
                                        "siyu.messaging.wecom.poll-every", "1s")));
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "siyu-test-wechat",
                                Map.of(
                                        "siyu.messaging.wechat.endpoint",
                                                TestWechatServer.get().endpoint(),
                                        "siyu.messaging.wechat.mini-program.app-id",
                                                TestWechatServer.MINI_PROGRAM_APP_ID,
                                        "siyu.messaging.wechat.mini-program.app-secret",
                                                TestWechatServer.MINI_PROGRAM_SECRET,
                                        "siyu.messaging.wechat.official-account.app-id",
                                                TestWechatServer.OFFICIAL_ACCOUNT_APP_ID,
                                        "siyu.messaging.wechat.official-account.app-secret",
                                                TestWechatServer.OFFICIAL_ACCOUNT_SECRET,
                                        "siyu.messaging.wechat.official-account.mini-program-app-id",
                                                TestWechatServer.LINKED_MINI_PROGRAM,
                                        "siyu.messaging.wechat.official-account.push-token",
                                                TestWechatServer.OFFICIAL_ACCOUNT_PUSH_TOKEN,
                                        "siyu.messaging.wechat.official-account.encoding-aes-key",
                                                TestWechatServer.OFFICIAL_ACCOUNT_AES_KEY,
                                        "siyu.messaging.wechat.mini-program.push-token",
                                                TestWechatServer.MINI_PROGRAM_PUSH_TOKEN,
                                        "siyu.messaging.wechat.mini-program.encoding-aes-key",
                                                TestWechatServer.MINI_PROGRAM_AES_KEY)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
