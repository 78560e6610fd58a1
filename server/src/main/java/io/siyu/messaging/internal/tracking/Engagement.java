package io.siyu.messaging.internal.tracking;

import io.siyu.customers.ContactPoints;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.shared.Sha256;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers do with a message once it arrived: open it, click a link, unsubscribe. Each is noted on the ledger
 * row and recorded as an event on the customer's timeline; an unsubscribe also records the customer's consent for the
 * channel as denied, so no marketing message of that channel reaches them again.
 */
@Component
public class Engagement {

    private final JdbcTemplate jdbc;
    private final SendLedger ledger;
    private final Profiles profiles;
    private final TrackingEvents events;
    private final Clock clock;

    Engagement(JdbcTemplate jdbc, SendLedger ledger, Profiles profiles, TrackingEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    /** The ledger row a link belongs to, as far as tracking needs it. */
    public record Sent(long id, CustomerId customerId, Channel channel, long templateId) {}

    public Optional<Sent> sent(long sendId) {
        return jdbc
                .query(
                        "select id, customer_id, channel, template_id from messaging.send where id = ?",
                        (rs, row) -> new Sent(
                                rs.getLong("id"),
                                CustomerId.of(rs.getLong("customer_id")),
                                Channel.parse("channel", rs.getString("channel")),
                                rs.getLong("template_id")),
                        sendId)
                .stream()
                .findFirst();
    }

    public void opened(long sendId) {
        sent(sendId).ifPresent(sent -> {
            ledger.noteEngagement(sendId, false, clock.instant());
            record(sent, "siyu-open-" + sendId, TrackingEvents.opened(sent.channel()), Map.of(), null);
        });
    }

    public void clicked(long sendId, String url) {
        sent(sendId).ifPresent(sent -> {
            ledger.noteEngagement(sendId, true, clock.instant());
            record(
                    sent,
                    "siyu-click-" + sendId + "-" + Sha256.hex(url).substring(0, 16),
                    TrackingEvents.clicked(sent.channel()),
                    Map.of("link_url", url),
                    null);
        });
    }

    /**
     * Notes that the provider delivered these sent messages and records {@code event} on each one's customer's
     * timeline, once: a message already settled by a receipt is left as it is. Answers how many changed.
     */
    @Transactional
    public int delivered(List<SendLedger.Recipient> rows, String event) {
        var changed = 0;
        for (var row : rows) {
            if (ledger.noteDelivered(row.id(), clock.instant())) {
                changed++;
                record(
                        new Sent(row.id(), row.customerId(), row.channel(), row.templateId()),
                        "siyu-delivered-" + row.id(),
                        event,
                        Map.of(),
                        null);
            }
        }
        return changed;
    }

    /** Unsubscribes the customer of a message from its channel; answers the channel, empty for an unknown row. */
    public Optional<Channel> unsubscribe(long sendId) {
        return sent(sendId).map(sent -> {
            record(
                    sent,
                    "siyu-unsubscribe-" + sendId,
                    TrackingEvents.UNSUBSCRIBED,
                    Map.of(),
                    Map.of(sent.channel().category(), false));
            return sent.channel();
        });
    }

    /** Records an event about a sent message on its customer's timeline (their survivor's, if they were merged). */
    void record(
            Sent sent,
            String messageId,
            String name,
            Map<String, Object> extra,
            @Nullable Map<String, Boolean> consent) {
        var customer = profiles.live(sent.customerId()).orElse(sent.customerId());
        var contact = profiles.contactPoints(java.util.List.of(customer)).stream()
                .findFirst()
                .map(ContactPoints::addressedAs);
        if (contact.isEmpty()) {
            return;
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("send_id", sent.id());
        properties.put("channel", sent.channel().category());
        properties.put("template_id", sent.templateId());
        properties.putAll(extra);
        events.record(java.util.List.of(
                new TrackingEvents.Event(messageId, contact.get(), name, clock.instant(), properties, consent)));
    }
}
