package io.siyu.messaging.internal.web;

import io.siyu.access.ConsumerCaller;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.internal.inbox.InboxMessage;
import io.siyu.messaging.internal.inbox.InboxStore;
import io.siyu.messaging.internal.inbox.InboxStream;
import io.siyu.messaging.internal.tracking.Engagement;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer's in-app inbox in the consumer API: a page of messages with the unread count, marking read (which
 * records the message as opened, once), and a server-sent-events stream of messages as they come.
 */
@RestController
@SecurityRequirement(name = "consumerToken")
class ConsumerInboxController {

    static final int MAX_PAGE = 100;

    private final Profiles profiles;
    private final InboxStore store;
    private final InboxStream stream;
    private final Engagement engagement;

    ConsumerInboxController(Profiles profiles, InboxStore store, InboxStream stream, Engagement engagement) {
        this.profiles = profiles;
        this.store = store;
        this.stream = stream;
        this.engagement = engagement;
    }

    /**
     * A page of the inbox, newest first; {@code next} is the {@code before} of the following page, absent on the last.
     */
    record InboxPage(
            List<InboxMessage> messages,
            int unread,
            @Nullable Long next) {}

    /** How many messages were marked read. */
    record MarkedRead(int read) {}

    @GetMapping("/consumer/v1/inbox")
    @Operation(summary = "The calling customer's inbox, newest first")
    InboxPage inbox(
            @AuthenticationPrincipal ConsumerCaller caller,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "range", "must be between 1 and " + MAX_PAGE);
        }
        if (before != null && before < 1) {
            throw new InvalidInputException("before", "min", "must be a message id, at least 1");
        }
        var customer = customer(caller);
        if (customer.isEmpty()) {
            return new InboxPage(List.of(), 0, null);
        }
        var messages = store.page(customer.get(), before, limit);
        var next = messages.size() == limit ? messages.getLast().id() : null;
        return new InboxPage(messages, store.unread(customer.get()), next);
    }

    @PostMapping("/consumer/v1/inbox/{id}/read")
    @Operation(summary = "Marks one message read; the first time, the message counts as opened")
    InboxMessage read(@AuthenticationPrincipal ConsumerCaller caller, @PathVariable long id) {
        var read = customer(caller)
                .flatMap(customer -> store.markRead(customer, id))
                .orElseThrow(() -> new NotFoundException("inbox message", id));
        if (read.first() && read.sendId() > 0) {
            engagement.opened(read.sendId());
        }
        return read.message();
    }

    @PostMapping("/consumer/v1/inbox/read-all")
    @Operation(summary = "Marks every unread message read")
    MarkedRead readAll(@AuthenticationPrincipal ConsumerCaller caller) {
        var marked = customer(caller).map(store::markAllRead).orElse(List.of());
        marked.stream().filter(sendId -> sendId > 0).forEach(engagement::opened);
        return new MarkedRead(marked.size());
    }

    @GetMapping(path = "/consumer/v1/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Messages as they come, as server-sent events",
            description = "A 'ready' event with the unread count, then a 'message' event per new message, whose id is"
                    + " the message's: reconnect with Last-Event-ID to receive those missed. The stream ends when the"
                    + " token expires; open a new one with a fresh token. At most 5 streams per customer.")
    SseEmitter stream(
            @AuthenticationPrincipal ConsumerCaller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            if (!lastEventId.strip().matches("[0-9]{1,18}")) {
                throw new InvalidInputException("Last-Event-ID", "pattern", "must be the id of a message");
            }
            after = Long.parseLong(lastEventId.strip());
        }
        var customer =
                customer(caller).orElseThrow(() -> new NotFoundException("customer", "of user " + caller.subject()));
        return stream.open(customer, after, caller.expiresAt());
    }

    @ExceptionHandler(InboxStream.TooManyStreams.class)
    ResponseEntity<ProblemDetail> tooMany(InboxStream.TooManyStreams e) {
        var status = e.perCustomer() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status)
                .header("Retry-After", "30")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(status, "too-many-streams", "Too many streams", e.getMessage()));
    }

    private Optional<CustomerId> customer(ConsumerCaller caller) {
        return profiles.ownedBy(caller.subject());
    }
}
