package io.siyu.access.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.access.internal.consumer.ConsumerKeys.VerifyingKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Java sample of {@code docs/consumer-api.md} is {@link SiyuConsumerTokens}, and the tokens it signs are taken. */
class ConsumerApiDocTests {

    static final Path DOC = Path.of("..", "docs", "consumer-api.md");
    static final Path SAMPLE =
            Path.of("src", "test", "java", "io", "siyu", "access", "internal", "consumer", "SiyuConsumerTokens.java");

    @Test
    void theDocumentedJavaSampleIsTheTestedOne() throws IOException {
        var doc = Files.readString(DOC, StandardCharsets.UTF_8);
        var source = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        var sample = source.substring(source.indexOf("import ")).strip();

        var begin = doc.indexOf("```java\n");
        assertThat(begin).as("a java block in " + DOC).isNotNegative();
        var block = doc.substring(begin + "```java\n".length(), doc.indexOf("```", begin + 7))
                .strip();

        assertThat(block).isEqualTo(sample);
    }

    @Test
    void theSamplesTokensAreTakenForTheUserTheyName() throws Exception {
        var key = SiyuConsumerTokens.newKey();
        var registered = ConsumerKeyRules.read(
                "jwk", JsonMapper.builder().build().readTree(key.toPublicJWK().toJSONString()));
        var tokens = new ConsumerTokens(kid -> kid.equals(key.getKeyID())
                ? Optional.of(new VerifyingKey(kid, registered.algorithm(), registered.jwk(), ConsumerKeyStatus.ACTIVE))
                : Optional.empty());

        var verdict = tokens.verify(new SiyuConsumerTokens(key).tokenFor("U1001"), Instant.now(), true);

        assertThat(verdict).isInstanceOf(ConsumerTokens.Accepted.class);
        assertThat(((ConsumerTokens.Accepted) verdict).caller().subject()).isEqualTo("U1001");
    }
}
