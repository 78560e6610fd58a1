package io.siyu.messaging.internal.web;

import io.siyu.messaging.internal.delivery.Outbox;
import io.siyu.messaging.internal.delivery.Provider;
import io.siyu.messaging.internal.delivery.Providers;
import io.siyu.shared.Slice;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox outbox, and which provider each channel sends through. */
@RestController
class OutboxController {

    private final Outbox outbox;
    private final Providers providers;

    OutboxController(Outbox outbox, Providers providers) {
        this.outbox = outbox;
        this.providers = providers;
    }

    /** A provider behind a channel, for the console; {@code sandbox} when messages go to the outbox. */
    record ChannelStatus(String channel, String provider, boolean sandbox) {}

    @GetMapping("/api/v1/outbox")
    @PreAuthorize("hasAuthority('messages:read')")
    Slice<Outbox.OutboxEntry> page(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
        return outbox.page(cursor, MessageController.limit(limit));
    }

    @GetMapping("/api/v1/outbox/{id}")
    @PreAuthorize("hasAuthority('messages:read')")
    Outbox.OutboxMessage get(@PathVariable long id) {
        return outbox.get(id);
    }

    @GetMapping("/api/v1/messaging/channels")
    @PreAuthorize("hasAuthority('messages:read')")
    List<ChannelStatus> channels() {
        return providers.all().values().stream().map(OutboxController::status).toList();
    }

    private static ChannelStatus status(Provider provider) {
        return new ChannelStatus(
                provider.channel().category(), provider.name(), provider.name().equals("sandbox"));
    }
}
