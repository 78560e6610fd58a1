package io.siyu.ingest.internal.web;

import io.siyu.ingest.internal.inbox.RejectedMessages;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages the tracking API rejected, newest first, with personal data masked. */
@RestController
class RejectedMessageController {

    private final RejectedMessages rejectedMessages;

    RejectedMessageController(RejectedMessages rejectedMessages) {
        this.rejectedMessages = rejectedMessages;
    }

    @GetMapping("/api/v1/ingestion/rejected-messages")
    @PreAuthorize("hasAuthority('ingestion:read')")
    Slice<RejectedMessages.RejectedMessage> page(
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 500");
        }
        return rejectedMessages.page(cursor == null || cursor.isBlank() ? null : cursor, limit);
    }
}
