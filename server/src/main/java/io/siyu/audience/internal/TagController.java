package io.siyu.audience.internal;

import io.siyu.customers.CustomerSummary;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Slice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    private final TagService tags;
    private final AudienceService audiences;

    TagController(TagService tags, AudienceService audiences) {
        this.tags = tags;
        this.audiences = audiences;
    }

    record CategoryRequest(String name, String description) {}

    record TagRequest(String name, Long categoryId, String kind, String description, JsonNode rule) {}

    record AssignmentRequest(List<String> customers, JsonNode definition, String value) {}

    record CustomerTags(List<TagService.CustomerTag> tags, List<TagService.TagChange> history) {}

    @GetMapping("/api/v1/tag-categories")
    @PreAuthorize("hasAuthority('audience:read')")
    List<TagService.Category> categories() {
        return tags.categories();
    }

    @PostMapping("/api/v1/tag-categories")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<TagService.Category> createCategory(@RequestBody CategoryRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tags.createCategory(request.name(), request.description()));
    }

    @GetMapping("/api/v1/tags")
    @PreAuthorize("hasAuthority('audience:read')")
    List<TagService.TagView> list() {
        return tags.tags();
    }

    @GetMapping("/api/v1/tags/{id}")
    @PreAuthorize("hasAuthority('audience:read')")
    TagService.TagView get(@PathVariable long id) {
        return tags.tag(id);
    }

    @GetMapping("/api/v1/tags/{id}/members")
    @PreAuthorize("hasAuthority('audience:read')")
    Slice<CustomerSummary> members(
            @PathVariable long id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return audiences.tagMembers(id, AudienceService.cursor(cursor, limit), limit);
    }

    @PostMapping("/api/v1/tags")
    @PreAuthorize("hasAuthority('audience:write')")
    ResponseEntity<TagService.TagView> create(@RequestBody TagRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tags.create(
                        request.name(), request.categoryId(), request.kind(), request.description(), request.rule()));
    }

    @PutMapping("/api/v1/tags/{id}")
    @PreAuthorize("hasAuthority('audience:write')")
    TagService.TagView update(@PathVariable long id, @RequestBody TagRequest request) {
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
    TagService.Assignment assign(@PathVariable long id, @RequestBody AssignmentRequest request) {
        return tags.assign(id, request.customers(), request.definition(), request.value());
    }

    /** Tags the customers of a CSV file: one customer per line (an id or type:value), optionally ",value". */
    @PostMapping(path = "/api/v1/tags/{id}/assignments", consumes = "text/csv")
    @PreAuthorize("hasAuthority('audience:write')")
    TagService.Assignment assignCsv(
            @PathVariable long id,
            @RequestParam(required = false) String value,
            jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        // customers grouped by the value they get: the line's own, else the one of the request
        var byValue = new java.util.LinkedHashMap<String, List<String>>();
        try (var reader = new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                var text = line.replace("\uFEFF", "").strip();
                var fields = text.split(",", 2);
                var customer = fields[0].strip();
                if (customer.isEmpty()
                        || customer.equalsIgnoreCase("customer")
                        || customer.equalsIgnoreCase("customer_id")) {
                    continue;
                }
                var own = fields.length > 1 ? fields[1].strip() : "";
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
            var result = tags.assign(id, group.getValue(), null, group.getKey().isEmpty() ? null : group.getKey());
            assigned += result.assigned();
            unknown.addAll(result.unknown());
        }
        return new TagService.Assignment(assigned, unknown);
    }

    @PostMapping("/api/v1/tags/{id}/removals")
    @PreAuthorize("hasAuthority('audience:write')")
    TagService.Assignment remove(@PathVariable long id, @RequestBody AssignmentRequest request) {
        return tags.remove(id, request.customers(), request.definition());
    }

    @GetMapping("/api/v1/customers/{id}/tags")
    @PreAuthorize("hasAuthority('audience:read')")
    CustomerTags customerTags(@PathVariable long id) {
        return new CustomerTags(tags.tagsOf(id), tags.historyOf(id));
    }
}
