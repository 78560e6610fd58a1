package io.siyu.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description the console's types are generated from is the one the application publishes: each run
 * writes the published description into {@code console/openapi/siyu.json} and fails when that changed it, so a change of
 * the HTTP API that was not carried into the console's types fails the build until the file is committed anew.
 */
@SiyuIntegrationTest
class OpenApiDescriptionTests {

    static final Path COMMITTED = Path.of("..", "console", "openapi", "siyu.json");

    /** Keys in order and one value a line, so that a change of the API is a readable change of the file. */
    static final JsonMapper STABLE = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .defaultPrettyPrinter(new DefaultPrettyPrinter(
                            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")))
            .build();

    /** Operations with an answer whose content has no schema: what a type springdoc failed on leaves behind. */
    static List<String> undescribedAnswers(JsonNode description) {
        var undescribed = new ArrayList<String>();
        for (var path : description.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (var answer : operation.getValue().path("responses").properties()) {
                    var content = answer.getValue().get("content");
                    if (content != null && content.isEmpty()) {
                        undescribed.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " "
                                + answer.getKey());
                    }
                }
            }
        }
        return undescribed;
    }

    @LocalServerPort
    int port;

    @Test
    void theConsolesCopyOfTheDescriptionIsThePublishedOne() throws IOException {
        var published =
                (ObjectNode) HttpFixtures.anonymous(port).get("/v3/api-docs").json();
        // the server's address is the test's random port, not part of the API
        published.remove("servers");
        var text = STABLE.writerWithDefaultPrettyPrinter().writeValueAsString(published) + "\n";
        var committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(text)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
        }
        // not a text comparison: the assertion would print the whole description twice
        assertThat(undescribedAnswers(published))
                .as("answers springdoc could not describe (the log says why)")
                .isEmpty();
        assertThat(committed.equals(text))
                .as("%s was out of date and has been rewritten: build the console and commit it", COMMITTED)
                .isTrue();
    }
}
