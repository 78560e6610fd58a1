package io.siyu.ingest.internal.messages;

import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Utf8;
import io.siyu.shared.Violation;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict JSON reader of ingestion: strict UTF-8 (overlong forms refused before anything is decoded, see
 * {@link Utf8}), exact decimals (money must not pass through a double), duplicate property names refused, trailing
 * garbage refused, nesting and number length bounded before a document is even built.
 */
@Component
public class IngestJson {

    private final JsonMapper mapper;

    IngestJson() {
        var factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(JsonSafety.MAX_DEPTH + 2)
                        .maxNumberLength(120)
                        .maxStringLength(SegmentMessages.MAX_MESSAGE_BYTES * 16)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * @throws InvalidInputException when the bytes are not well-formed UTF-8
     * @throws JacksonException when they are not the JSON ingestion accepts; {@link #describe} says why
     */
    public JsonNode read(byte[] bytes) {
        Utf8.check(bytes).ifPresent(violation -> {
            throw new InvalidInputException(List.of(violation));
        });
        return mapper.readTree(bytes);
    }

    public static Violation describe(JacksonException e) {
        var location = e.getLocation();
        var where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        var message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            return new Violation("body", "max-depth", "nests deeper than " + JsonSafety.MAX_DEPTH + " levels");
        }
        if (message != null && message.toLowerCase().contains("number")) {
            return new Violation("body", "number", "has a malformed or too long number" + where);
        }
        if (message != null && message.contains("Duplicate")) {
            return new Violation("body", "duplicate-name", "names a property twice in one object" + where);
        }
        return new Violation("body", "json", "is not well-formed UTF-8 JSON" + where);
    }
}
