package io.siyu.ingest.internal.web;

import io.siyu.access.WriteKeys;
import io.siyu.ingest.internal.inbox.Inbox;
import io.siyu.ingest.internal.inbox.Intake;
import io.siyu.ingest.internal.inbox.RejectedMessages;
import io.siyu.ingest.internal.messages.IngestJson;
import io.siyu.ingest.internal.messages.MessageReader;
import io.siyu.ingest.internal.messages.SegmentMessages;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Problems;
import io.siyu.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * <p>Batch semantics, as Segment's: a batch whose envelope is sound (JSON, within the size limit, with a
 * {@code batch} array) is answered 200; every valid message of it is stored, every invalid one is rejected, kept for
 * operators ({@link RejectedMessages}) and listed in the answer with its index and the rules it broke. The libraries
 * take any 4xx answer for the failure of the whole batch, so a 400 would have them report stored messages as lost.
 * A single-message request is its own envelope: an invalid message is answered 400 with the rules it broke (and kept
 * as well). A message counts as stored when the answer is sent: it is committed to the database by then. A duplicate
 * message id is acknowledged and not stored again.
 */
@RestController
class IngestController {

    static final int MAX_BATCH_BYTES = 500 * 1024;
    /** Rejected messages listed in one answer; the count covers them all. */
    static final int MAX_LISTED_REJECTIONS = RejectedMessages.MAX_KEPT_PER_REQUEST;

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

    private final Intake intake;
    private final WriteKeys writeKeys;
    private final IngestJson json;
    private final Clock clock;

    IngestController(Intake intake, WriteKeys writeKeys, IngestJson json, Clock clock) {
        this.intake = intake;
        this.writeKeys = writeKeys;
        this.json = json;
        this.clock = clock;
    }

    // Segment's own libraries post to "/v1/import/" with the trailing slash
    @PostMapping(path = {"/v1/batch", "/v1/import", "/v1/b", "/v1/batch/", "/v1/import/", "/v1/b/"})
    ResponseEntity<?> batch(HttpServletRequest request) throws IOException {
        var receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return switch (admit(request, MAX_BATCH_BYTES)) {
            case Refused(var refusal) -> refusal;
            case Admitted(var body, var source) -> takeBatch(body, source, receivedAt);
        };
    }

    private ResponseEntity<?> takeBatch(ObjectNode body, WriteKeys.WriteKeySource source, Instant receivedAt) {
        var batch = body.get("batch");
        if (batch == null || !batch.isArray()) {
            return invalid(List.of(new Violation("batch", "required", "must be an array of messages")));
        }
        var sentAt = MessageReader.instant(body, "sentAt", new ArrayList<>());
        var defaultContext = body.get("context") instanceof ObjectNode context ? context : null;
        var outcome = intake.take(
                batch.valueStream().toList(),
                new Intake.Request("batch", null, source, receivedAt, sentAt, defaultContext));
        var answer = success(outcome.stored());
        var rejections = outcome.rejections();
        answer.put("rejected", rejections.size());
        if (!rejections.isEmpty()) {
            var listed = new ArrayList<Map<String, Object>>();
            for (var rejection : rejections.subList(0, Math.min(rejections.size(), MAX_LISTED_REJECTIONS))) {
                var prefix = "batch[" + rejection.index() + "]";
                var entry = new LinkedHashMap<String, Object>();
                entry.put("index", rejection.index());
                entry.put("messageId", rejection.messageId());
                entry.put(
                        "errors",
                        rejection.violations().stream().map(v -> v.at(prefix)).toList());
                listed.add(entry);
            }
            answer.put("rejectedMessages", listed);
            if (listed.size() < rejections.size()) {
                answer.put("rejectedMessagesTruncated", true);
            }
        }
        return ResponseEntity.ok(answer);
    }

    @PostMapping({
        "/v1/{endpoint:identify|track|page|screen|group|alias|i|t|p|s|g|a}",
        "/v1/{endpoint:identify|track|page|screen|group|alias|i|t|p|s|g|a}/"
    })
    ResponseEntity<?> single(@PathVariable String endpoint, HttpServletRequest request) throws IOException {
        var receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return switch (admit(request, SegmentMessages.MAX_MESSAGE_BYTES)) {
            case Refused(var refusal) -> refusal;
            case Admitted(var body, var source) -> {
                var type = ENDPOINT_TYPES.get(endpoint);
                var outcome =
                        intake.take(List.of(body), new Intake.Request(type, type, source, receivedAt, null, null));
                yield outcome.rejections().isEmpty()
                        ? ResponseEntity.ok(success(outcome.stored()))
                        : invalid(outcome.rejections().getFirst().violations());
            }
        };
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
    sealed interface Parsed {}

    /** A request whose body was read and whose write key was recognised, or the answer that refuses it. */
    sealed interface Admission {}

    record Document(ObjectNode body) implements Parsed {}

    record Admitted(ObjectNode body, WriteKeys.WriteKeySource source) implements Admission {}

    record Refused(ResponseEntity<?> response) implements Parsed, Admission {}

    private Admission admit(HttpServletRequest request, int limit) throws IOException {
        return switch (parse(request, limit)) {
            case Refused refused -> refused;
            case Document(var body) ->
                writeKey(body)
                        .<Admission>map(source -> new Admitted(body, source))
                        .orElseGet(() -> new Refused(unauthenticated(body)));
        };
    }

    private Parsed parse(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return new Refused(tooLarge(limit));
        }
        byte[] bytes;
        try (InputStream raw = request.getInputStream()) {
            var in = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding")) ? new GZIPInputStream(raw) : raw;
            bytes = in.readNBytes(limit + 1);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return new Refused(invalid(List.of(new Violation("body", "gzip", "is not valid gzip data"))));
        }
        if (bytes.length > limit) {
            return new Refused(tooLarge(limit));
        }
        if (bytes.length == 0) {
            return new Refused(invalid(List.of(new Violation("body", "required", "the body is empty"))));
        }
        try {
            var node = json.read(bytes);
            if (!(node instanceof ObjectNode object)) {
                return new Refused(invalid(List.of(new Violation("body", "type", "must be a JSON object"))));
            }
            return new Document(object);
        } catch (JacksonException e) {
            return new Refused(invalid(List.of(IngestJson.describe(e))));
        } catch (InvalidInputException e) {
            return new Refused(invalid(e.violations()));
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
