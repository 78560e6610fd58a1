package io.siyu.platform.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Phone numbers and e-mail addresses never reach the log or a problem answer in clear, through the real set-up. */
@SiyuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTests {

    static final String[] CLEAR = {"ann.lee@example.com", "bob@example.com", "13812345678", "0000 1111"};
    static final String[] MASKED = {"a***@example.com", "b***@example.com", "+86138****5678", "139 **** 1111"};

    @LocalServerPort
    int port;

    @Test
    void anExceptionIsLoggedWithThePhonesAndEmailsOfItsMessagesMasked(CapturedOutput output) throws IOException {
        var marker = "import failed " + UUID.randomUUID();
        var failure = new IllegalStateException(
                "duplicate key (ann.lee@example.com, +8613812345678)",
                new IllegalArgumentException("no customer with phone 139 0000 1111"));

        LoggerFactory.getLogger(PersonalDataTests.class).error(marker + " for bob@example.com", failure);

        var console = output.getOut().substring(output.getOut().indexOf(marker));
        assertThat(console)
                .contains(MASKED)
                .doesNotContain(CLEAR)
                .contains("at io.siyu.platform.internal.logs.PersonalDataTests");
        var json = Files.readAllLines(logFile()).stream()
                .filter(line -> line.contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(json).contains(MASKED).doesNotContain(CLEAR).contains("\"error\"", "stack_trace");
    }

    @Test
    void problemAnswersDoNotRepeatThePhonesAndEmailsTheyRefuse() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);

        var refused = admin.get("/api/v1/customers/ann.lee@example.com");
        var invalid = admin.get("/api/v1/customers?limit=13812345678");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("a***@example.com").doesNotContain("ann.lee@");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("138****5678").doesNotContain("13812345678");
    }

    static Path logFile() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender =
                (FileAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        return Path.of(appender.getFile());
    }
}
