package io.siyu.ingest.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.siyu.access.WriteKeys;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Problems;
import io.siyu.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Segment-compatible HTTP tracking API: {@code POST /v1/identify|track|page|screen|group|alias} for one message,
 * {@code /v1/batch} and {@code /v1/import} for many (also the one-letter paths of browser SDKs). A brand that sends
 * to Segment switches by changing the host.
 *
 * <p>Batch semantics: every valid message of a batch is stored, every invalid one is rejected; the answer is 200 when
 * all were stored and 400 problem details listing each rejected message's field and rule otherwise. A message counts
 * as stored when the answer is sent: it is committed to the database by then. A duplicate message id is acknowledged
 * and not stored again.
 */
@RestController
class IngestController {

    static final int MAX_BATCH_BYTES = 500 * 1024;

    private static final Map<String, String> ENDPOINT_TYPES = Map.ofEntries(
            Map.entry("identify", "identify"),
            Map.entry("track", "track"),
            Map.entry("page", "page"),
            Map.entry("screen", "screen"),
            Map.entry("group", "group"),
            Map.entry("alias", "alias"),
            Map.entry("i", "identify"),
            Map.entry("t", "track"),
            Map.entry("p", "page"),
            Map.entry("s", "screen"),
            Map.entry("g", "group"),
            Map.entry("a", "alias"));

    private final SegmentMessages messages;
    private final Inbox inbox;
    private final IngestPipeline pipeline;
    private final WriteKeys writeKeys;
    private final IngestJson json;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    IngestController(
            SegmentMessages messages,
            Inbox inbox,
            IngestPipeline pipeline,
            WriteKeys writeKeys,
            IngestJson json,
            Clock clock,
            MeterRegistry meters) {
        this.messages = messages;
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.writeKeys = writeKeys;
        this.json = json;
        this.clock = clock;
        this.accepted = meters.counter("siyu.ingest.messages", "outcome", "accepted");
        this.duplicates = meters.counter("siyu.ingest.messages", "outcome", "duplicate");
        this.rejected = meters.counter("siyu.ingest.messages", "outcome", "rejected");
    }

    // Segment's own libraries post to "/v1/import/" with the trailing slash
    @PostMapping(path = {"/v1/batch", "/v1/import", "/v1/b", "/v1/batch/", "/v1/import/", "/v1/b/"})
    ResponseEntity<?> batch(HttpServletRequest request) throws IOException {
        var receivedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var parsed = parse(request, MAX_BATCH_BYTES);
        if (parsed instanceof Parsed.Refused(var response)) {
            return response;
        }
        var body = ((Parsed.Document) parsed).body();
        var source = writeKey(body);
        if (source.isEmpty()) {
            return unauthenticated(body);
        }
        var batch = body.get("batch");
        if (batch == null || !batch.isArray()) {
            return invalid(List.of(new Violation("batch", "required", "must be an array of messages")));
        }
        var sentAt = messages.instant(body, "sentAt", new ArrayList<>());
        var defaultContext = body.get("context") instanceof ObjectNode context ? context : null;
        var valid = new ArrayList<SegmentMessages.Normalized>();
        var violations = new ArrayList<Violation>();
        var rejectedMessages = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < batch.size(); i++) {
            var outcome = messages.read(batch.get(i), null, receivedAt, sentAt, defaultContext);
            switch (outcome) {
                case SegmentMessages.Outcome.Valid(var message) -> valid.add(message);
                case SegmentMessages.Outcome.Invalid(var messageId, var broken) -> {
                    var prefix = "batch[" + i + "]";
                    broken.forEach(v -> violations.add(v.at(prefix)));
                    var entry = new LinkedHashMap<String, Object>();
                    entry.put("index", i);
                    entry.put("messageId", messageId);
                    rejectedMessages.add(entry);
                }
            }
        }
        var stored = store(valid, source.get(), receivedAt);
        rejected.increment(rejectedMessages.size());
        if (rejectedMessages.isEmpty()) {
            return ResponseEntity.ok(success(stored));
        }
        var problem = Problems.problem(
                HttpStatus.BAD_REQUEST,
                "invalid-messages",
                "Some messages were rejected",
                rejectedMessages.size() + " of " + batch.size() + " messages broke input rules and were not stored; "
                        + "the other " + valid.size() + " were stored (" + stored.duplicates()
                        + " of them had been stored before)");
        problem.setProperty("accepted", stored.fresh().size());
        problem.setProperty("duplicates", stored.duplicates());
        problem.setProperty("rejected", rejectedMessages.size());
        problem.setProperty("rejectedMessages", rejectedMessages);
        problem.setProperty("errors", violations);
        return Problems.respond(problem);
    }

    @PostMapping({
        "/v1/{endpoint:identify|track|page|screen|group|alias|i|t|p|s|g|a}",
        "/v1/{endpoint:identify|track|page|screen|group|alias|i|t|p|s|g|a}/"
    })
    ResponseEntity<?> single(@PathVariable String endpoint, HttpServletRequest request) throws IOException {
        var receivedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var parsed = parse(request, SegmentMessages.MAX_MESSAGE_BYTES);
        if (parsed instanceof Parsed.Refused(var response)) {
            return response;
        }
        var body = ((Parsed.Document) parsed).body();
        var source = writeKey(body);
        if (source.isEmpty()) {
            return unauthenticated(body);
        }
        var outcome = messages.read(body, ENDPOINT_TYPES.get(endpoint), receivedAt, null, null);
        return switch (outcome) {
            case SegmentMessages.Outcome.Valid(var message) ->
                ResponseEntity.ok(success(store(List.of(message), source.get(), receivedAt)));
            case SegmentMessages.Outcome.Invalid(var messageId, var violations) -> {
                rejected.increment();
                yield invalid(violations);
            }
        };
    }

    private Inbox.Stored store(List<SegmentMessages.Normalized> valid, WriteKeys.WriteKeySource source, Instant at) {
        var stored = inbox.store(valid, source.id(), at);
        accepted.increment(stored.fresh().size());
        duplicates.increment(stored.duplicates());
        if (!stored.fresh().isEmpty()) {
            pipeline.wakeUp();
        }
        return stored;
    }

    private static Map<String, Object> success(Inbox.Stored stored) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("success", true);
        answer.put("accepted", stored.fresh().size());
        answer.put("duplicates", stored.duplicates());
        return answer;
    }

    private Optional<WriteKeys.WriteKeySource> writeKey(JsonNode body) {
        var fromHeader = WriteKeys.current();
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        var fromBody = body.get("writeKey");
        return fromBody != null && fromBody.isString() ? writeKeys.authenticate(fromBody.asString()) : Optional.empty();
    }

    private static ResponseEntity<?> unauthenticated(JsonNode body) {
        var problem = Problems.problem(
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Unauthenticated",
                body.has("writeKey")
                        ? "the write key is unknown or revoked"
                        : "send the write key as the user name of HTTP Basic authentication");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"siyu-ingest\"")
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> invalid(List<Violation> violations) {
        return Problems.respond(Problems.invalidInput(violations));
    }

    /** The body of a request, parsed, or the answer that refuses it. */
    sealed interface Parsed {
        record Document(ObjectNode body) implements Parsed {}

        record Refused(ResponseEntity<?> response) implements Parsed {}
    }

    private Parsed parse(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return new Parsed.Refused(tooLarge(limit));
        }
        byte[] bytes;
        try (InputStream raw = request.getInputStream()) {
            var in = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding")) ? new GZIPInputStream(raw) : raw;
            bytes = in.readNBytes(limit + 1);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return new Parsed.Refused(invalid(List.of(new Violation("body", "gzip", "is not valid gzip data"))));
        }
        if (bytes.length > limit) {
            return new Parsed.Refused(tooLarge(limit));
        }
        if (bytes.length == 0) {
            return new Parsed.Refused(invalid(List.of(new Violation("body", "required", "the body is empty"))));
        }
        try {
            var node = json.read(bytes);
            if (!(node instanceof ObjectNode object)) {
                return new Parsed.Refused(invalid(List.of(new Violation("body", "type", "must be a JSON object"))));
            }
            return new Parsed.Document(object);
        } catch (JacksonException e) {
            return new Parsed.Refused(invalid(List.of(IngestJson.describe(e))));
        } catch (InvalidInputException e) {
            return new Parsed.Refused(invalid(e.violations()));
        }
    }

    private static ResponseEntity<?> tooLarge(int limit) {
        var problem = Problems.problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large",
                "Payload too large",
                "the body may have at most " + limit / 1024 + " KB here; split the messages into smaller batches");
        problem.setProperty("limitBytes", limit);
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
