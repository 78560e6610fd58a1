package io.siyu.audience.internal.web;

import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.segments.Members;
import io.siyu.audience.internal.tags.TagAssignments;
import io.siyu.audience.internal.tags.Tags;
import io.siyu.customers.CustomerSummary;
import io.siyu.shared.BodyLimit;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Slice;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
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

/** Tags and tag categories in the operator API, and the tags of a customer. */
@RestController
class TagController {

    /** Assignment files are CSV (RFC 4180): a value holding a comma or a quote is quoted, as spreadsheets write it. */
    private static final CSVFormat ASSIGNMENT_FILE =
            CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(true).get();

    /** Room for the 100,000 customers one assignment may name, each as a long identity such as an e-mail address. */
    static final String ASSIGNMENTS_LIMIT = "16MB";

    private final Tags tags;
    private final TagAssignments assignments;
    private final Members members;
    private final TagStore store;

    TagController(Tags tags, TagAssignments assignments, Members members, TagStore store) {
        this.tags = tags;
        this.assignments = assignments;
        this.members = members;
        this.store = store;
    }

    record CategoryRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = NAME)
            String name,

            @Schema(description = "at most 2,000 characters") @Nullable
            String description) {}

    record TagRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = NAME)
            String name,

            @Nullable Long categoryId,

            @Schema(description = "MANUAL (default), RULE or VALUE") @Nullable
            String kind,

            @Schema(description = "at most 2,000 characters") @Nullable
            String description,

            @Schema(description = "a definition for a RULE tag", example = SegmentController.DEFINITION) @Nullable
            JsonNode rule) {}

    record AssignmentRequest(
            @Schema(
                    description = "ids or type:value identities, at most 100,000",
                    example = "[\"42\", \"email:ann@example.com\"]")
            @Nullable
            List<String> customers,

            @Schema(example = SegmentController.DEFINITION) @Nullable
            JsonNode definition,

            @Schema(description = "the value of a VALUE tag, at most 120 characters") @Nullable
            String value) {}

    private static final String NAME = "1 to 60 letters, digits, spaces or . _ : / -";

    record CustomerTags(List<TagStore.CustomerTag> tags, List<TagStore.TagChange> history) {}

    @GetMapping("/api/v1/tag-categories")
    @PreAuthorize("hasAuthority('audience:read')")
    List<TagStore.Category> categories() {
        return tags.categories();
    }

    @PostMapping("/api/v1/tag-categories")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<TagStore.Category> createCategory(@RequestBody CategoryRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tags.createCategory(request.name(), request.description()));
    }

    @GetMapping("/api/v1/tags")
    @PreAuthorize("hasAuthority('audience:read')")
    List<Tags.TagView> list() {
        return tags.tags();
    }

    @GetMapping("/api/v1/tags/{id}")
    @PreAuthorize("hasAuthority('audience:read')")
    Tags.TagView get(@PathVariable long id) {
        return tags.tag(id);
    }

    @GetMapping("/api/v1/tags/{id}/members")
    @PreAuthorize("hasAuthority('audience:read')")
    Slice<CustomerSummary> members(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return members.tagMembers(id, Members.cursor(cursor, limit), limit);
    }

    @PostMapping("/api/v1/tags")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<Tags.TagView> create(@RequestBody TagRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tags.create(
                        request.name(), request.categoryId(), request.kind(), request.description(), request.rule()));
    }

    @PutMapping("/api/v1/tags/{id}")
    @PreAuthorize("hasAuthority('audience:write')")
    Tags.TagView update(@PathVariable long id, @RequestBody TagRequest request) {
        return tags.update(id, request.name(), request.categoryId(), request.description(), request.rule());
    }

    @DeleteMapping("/api/v1/tags/{id}")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        tags.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Tags customers named by id or identity, or every customer matching a definition. */
    @PostMapping("/api/v1/tags/{id}/assignments")
    @PreAuthorize("hasAuthority('audience:write')")
    @BodyLimit(ASSIGNMENTS_LIMIT)
    TagAssignments.Assignment assign(@PathVariable long id, @RequestBody AssignmentRequest request) {
        return assignments.assign(id, request.customers(), request.definition(), request.value());
    }

    /**
     * Tags the customers of a CSV file: one customer per line (an id or type:value), optionally ",value"; a value
     * holding a comma is quoted.
     */
    @PostMapping(path = "/api/v1/tags/{id}/assignments", consumes = "text/csv")
    @PreAuthorize("hasAuthority('audience:write')")
    @BodyLimit(ASSIGNMENTS_LIMIT)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "one customer per line (an id or type:value), optionally followed by ,value; CSV, so a "
                    + "value holding a comma is quoted",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    TagAssignments.Assignment assignCsv(
            @PathVariable long id,
            @RequestParam(required = false) String value,
            jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        // customers grouped by the value they get: the line's own, else the one of the request
        var byValue = new LinkedHashMap<String, List<String>>();
        try (var parser = ASSIGNMENT_FILE.parse(withoutByteOrderMark(request.getInputStream()))) {
            var records = parser.iterator();
            for (var line = 1L; hasNext(records, line); line = parser.getCurrentLineNumber() + 1) {
                var record = records.next();
                // spreadsheets write empty columns after the last value
                var values = record.size();
                while (values > 1 && record.get(values - 1).isBlank()) {
                    values--;
                }
                if (values > 2) {
                    throw new InvalidInputException(
                            "body",
                            "csv",
                            "line " + line + ": holds " + values + " values; a line names a customer and "
                                    + "optionally a value, and a value holding a comma is quoted");
                }
                var customer = record.get(0).strip();
                if (customer.isEmpty()
                        || customer.equalsIgnoreCase("customer")
                        || customer.equalsIgnoreCase("customer_id")) {
                    continue;
                }
                var own = record.size() > 1 ? record.get(1).strip() : "";
                byValue.computeIfAbsent(own.isEmpty() ? (value == null ? "" : value) : own, v -> new ArrayList<>())
                        .add(customer);
            }
        }
        if (byValue.isEmpty()) {
            throw new InvalidInputException("body", "required", "list one customer (id or type:value) per line");
        }
        var assigned = 0;
        var unknown = new ArrayList<io.siyu.shared.Violation>();
        // the lines without a value first: for a value tag they are refused before anything is assigned
        var groups = new ArrayList<>(byValue.entrySet());
        groups.sort(java.util.Comparator.comparing(group -> !group.getKey().isEmpty()));
        for (var group : groups) {
            var result = assignments.assign(
                    id, group.getValue(), null, group.getKey().isEmpty() ? null : group.getKey());
            assigned += result.assigned();
            unknown.addAll(result.unknown());
        }
        return new TagAssignments.Assignment(assigned, unknown);
    }

    /** The file as text, without the byte-order mark spreadsheets put before the first value. */
    private static java.io.Reader withoutByteOrderMark(java.io.InputStream body) throws IOException {
        var reader = new java.io.PushbackReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1);
        var first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /**
     * Whether the assignment file has another line; a quoted value never closed, or followed by other characters, is
     * refused naming the line where its record starts, before anything is assigned.
     */
    private static boolean hasNext(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                throw new InvalidInputException(
                        "body",
                        "csv",
                        "line " + line + ": a quoted value is not closed, or other characters follow its closing "
                                + "quote");
            }
            throw e;
        }
    }

    @PostMapping("/api/v1/tags/{id}/removals")
    @PreAuthorize("hasAuthority('audience:write')")
    @BodyLimit(ASSIGNMENTS_LIMIT)
    TagAssignments.Assignment remove(@PathVariable long id, @RequestBody AssignmentRequest request) {
        return assignments.remove(id, request.customers(), request.definition());
    }

    @GetMapping("/api/v1/customers/{id}/tags")
    @PreAuthorize("hasAuthority('audience:read')")
    CustomerTags customerTags(@PathVariable long id) {
        return new CustomerTags(store.tagsOf(id), store.historyOf(id));
    }
}
