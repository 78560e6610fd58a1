package io.siyu.audience.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.ChangesNothing;
import io.siyu.access.Viewer;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.segments.Members;
import io.siyu.audience.internal.segments.SegmentHistory;
import io.siyu.audience.internal.segments.Segments;
import io.siyu.customers.CustomerSummary;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.PersonalData;
import io.siyu.shared.Slice;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Segments in the operator API. */
@RestController
class SegmentController {

    private final Segments segments;
    private final Members members;
    private final SegmentHistory history;
    private final AuditLog audit;
    private final PersonalData personalData;

    SegmentController(
            Segments segments, Members members, SegmentHistory history, AuditLog audit, PersonalData personalData) {
        this.segments = segments;
        this.members = members;
        this.history = history;
        this.audit = audit;
        this.personalData = personalData;
    }

    /** An example definition, in the condition language of docs/segments.md. */
    static final String DEFINITION =
            "{\"version\": 1, \"condition\": {\"type\": \"purchase\", \"category\": \"skin care\", \"count\": {\"operator\": \"at_least\", \"value\": 2}, \"window\": {\"lastDays\": 180}}}";

    record DefinitionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = DEFINITION)
            JsonNode definition,

            @Schema(description = "1 to 200, default 20") @Nullable
            Integer limit) {}

    record SegmentRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "at most 120 characters")
            String name,

            @Schema(description = "at most 2,000 characters") @Nullable
            String description,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = DEFINITION)
            JsonNode definition) {}

    record OverlapRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Long> segments) {}

    record SnapshotRequest(@Nullable String name) {}

    /** How many customers a definition matches, while it is being edited. */
    @PostMapping("/api/v1/segments/count")
    @ChangesNothing
    @PreAuthorize("hasAuthority('audience:read')")
    Members.Count count(@RequestBody DefinitionRequest request) {
        return members.count(request.definition());
    }

    @PostMapping("/api/v1/segments/preview")
    @ChangesNothing
    @PreAuthorize("hasAuthority('audience:read')")
    Members.Preview preview(@RequestBody DefinitionRequest request) {
        var limit = request.limit() == null ? 20 : request.limit();
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 200");
        }
        return members.preview(request.definition(), limit);
    }

    @GetMapping("/api/v1/segments")
    @PreAuthorize("hasAuthority('audience:read')")
    List<Segments.SegmentView> list() {
        return segments.segments();
    }

    @PostMapping("/api/v1/segments")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<Segments.SegmentView> create(@RequestBody SegmentRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(segments.create(request.name(), request.description(), request.definition()));
    }

    @GetMapping("/api/v1/segments/{id}")
    @PreAuthorize("hasAuthority('audience:read')")
    Segments.SegmentView get(@PathVariable long id) {
        return segments.segment(id);
    }

    @PutMapping("/api/v1/segments/{id}")
    @PreAuthorize("hasAuthority('audience:write')")
    Segments.SegmentView update(@PathVariable long id, @RequestBody SegmentRequest request) {
        return segments.update(id, request.name(), request.description(), request.definition());
    }

    @DeleteMapping("/api/v1/segments/{id}")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        segments.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/segments/{id}/members")
    @PreAuthorize("hasAuthority('audience:read')")
    Slice<CustomerSummary> members(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return members.members(id, Members.cursor(cursor, limit), limit);
    }

    @GetMapping("/api/v1/segments/{id}/versions")
    @PreAuthorize("hasAuthority('audience:read')")
    List<DefinitionStore.Version> versions(@PathVariable long id) {
        return segments.versions(id);
    }

    @GetMapping("/api/v1/segments/{id}/trend")
    @PreAuthorize("hasAuthority('audience:read')")
    List<SegmentHistory.TrendPoint> trend(@PathVariable long id, @RequestParam(defaultValue = "90") int days) {
        if (days < 1 || days > 730) {
            throw new InvalidInputException("days", "range", "must be between 1 and 730");
        }
        return history.trend(id, days);
    }

    @PostMapping("/api/v1/segments/overlap")
    @ChangesNothing
    @PreAuthorize("hasAuthority('audience:read')")
    Members.Overlap overlap(@RequestBody OverlapRequest request) {
        return members.overlap(request.segments());
    }

    @GetMapping("/api/v1/segments/{id}/snapshots")
    @PreAuthorize("hasAuthority('audience:read')")
    List<SegmentHistory.Snapshot> snapshots(@PathVariable long id) {
        return history.snapshots(id);
    }

    @PostMapping("/api/v1/segments/{id}/snapshots")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<SegmentHistory.Snapshot> snapshot(
            @PathVariable long id, @RequestBody(required = false) SnapshotRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(history.snapshot(id, request == null ? null : request.name()));
    }

    /** The members as CSV, streamed; phones and e-mails masked unless the caller may see personal data. */
    @GetMapping("/api/v1/segments/{id}/export")
    @PreAuthorize("hasAuthority('audience:export')")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        var segment = segments.segment(id);
        write(response, "segment-" + id, members.membersOf(id));
        audit.record(
                "segment.exported",
                "segment:" + id,
                Map.of("name", segment.name(), "size", segment.size(), "personalData", Viewer.maySeePersonalData()));
    }

    @GetMapping("/api/v1/segments/{id}/snapshots/{snapshotId}/export")
    @PreAuthorize("hasAuthority('audience:export')")
    void exportSnapshot(@PathVariable long id, @PathVariable long snapshotId, HttpServletResponse response)
            throws IOException {
        write(response, "segment-" + id + "-snapshot-" + snapshotId, history.snapshotMembers(id, snapshotId));
        audit.record("segment.snapshot-exported", "segment:" + id, Map.of("snapshot", snapshotId));
    }

    /**
     * Streams customers as CSV. For a caller who may not see personal data, every cell is masked as JSON answers are
     * ({@link PersonalData}): a name, a channel or an identity may hold a phone number or an e-mail address too.
     */
    private void write(HttpServletResponse response, String name, RoaringBitmap customers) throws IOException {
        var clear = Viewer.maySeePersonalData();
        java.util.function.UnaryOperator<String> shown = clear ? value -> value : personalData::mask;
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        var out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        out.println("customer_id,name,email,phone,channel,first_seen_at,last_seen_at,orders,total_spent");
        var chunk = new ArrayList<Integer>(1000);
        var iterator = customers.getIntIterator();
        while (iterator.hasNext()) {
            chunk.add(iterator.next());
            if (chunk.size() == 1000 || !iterator.hasNext()) {
                for (var customer : members.summaries(chunk)) {
                    out.println(String.join(
                            ",",
                            List.of(
                                    String.valueOf(customer.id()),
                                    csv(shown.apply(customer.displayName())),
                                    csv(shown.apply(customer.email())),
                                    csv(shown.apply(customer.phone())),
                                    csv(shown.apply(customer.channel())),
                                    csv(
                                            customer.firstSeenAt() == null
                                                    ? null
                                                    : customer.firstSeenAt().toString()),
                                    csv(
                                            customer.lastSeenAt() == null
                                                    ? null
                                                    : customer.lastSeenAt().toString()),
                                    String.valueOf(customer.orderCount()),
                                    customer.totalSpent().toPlainString())));
                }
                chunk.clear();
                out.flush();
            }
        }
        out.flush();
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        // a leading =, +, - or @ would be read as a formula by spreadsheets
        var safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]?\\d.*")
                ? "'" + value
                : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
