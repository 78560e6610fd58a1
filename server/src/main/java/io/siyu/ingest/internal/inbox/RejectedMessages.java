package io.siyu.ingest.internal.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.siyu.access.WriteKeys;
import io.siyu.ingest.internal.messages.IngestProperties;
import io.siyu.shared.Cursor;
import io.siyu.shared.Slice;
import io.siyu.shared.StoredText;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Messages the tracking API rejected, kept for operators: which write key sent them, the rules they broke, and the
 * body with personal data masked ({@link MaskedBody}). Every rejection is counted in
 * {@code siyu_ingest_rejected_messages_total{reason=<rule>}}, the reason being the first rule a message broke; the
 * table keeps the first {@link #MAX_KEPT_PER_REQUEST} of a request (a real library's batch has far fewer), so that
 * one request of tiny broken messages cannot write a hundred times its size. Rows older than
 * {@code siyu.ingest.rejected-retention} are purged every hour.
 */
@Component
public class RejectedMessages {

    public static final int MAX_KEPT_PER_REQUEST = 1000;
    static final int MAX_KEPT_VIOLATIONS = 20;

    private static final Logger log = LoggerFactory.getLogger(RejectedMessages.class);

    private final JdbcTemplate jdbc;
    private final MaskedBody masking;
    private final IngestProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

    RejectedMessages(
            JdbcTemplate jdbc, MaskedBody masking, IngestProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.masking = masking;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** A message that broke rules: where it stood in its request, its id if it had one, and the rules. */
    public record Rejection(Integer index, String messageId, List<Violation> violations, JsonNode message) {

        String reason() {
            return violations.isEmpty() ? "invalid" : violations.getFirst().rule();
        }
    }

    /** A kept rejection as the operator API lists it. */
    public record RejectedMessage(
            long id,
            Instant rejectedAt,
            @Nullable Long writeKeyId,
            @Nullable String writeKeyName,
            String endpoint,
            @Nullable Integer index,
            @Nullable String messageId,
            String reason,
            JsonNode errors,
            String body,
            boolean bodyTruncated) {}

    /** Keeps the rejections of one request; joins the caller's transaction. */
    void keep(List<Rejection> rejections, WriteKeys.WriteKeySource source, String endpoint, Instant at) {
        if (rejections.isEmpty()) {
            return;
        }
        var rows = rejections.subList(0, Math.min(rejections.size(), MAX_KEPT_PER_REQUEST)).stream()
                .map(rejection -> {
                    var body = masking.of(rejection.message());
                    var violations = rejection.violations().stream()
                            .limit(MAX_KEPT_VIOLATIONS)
                            .toList();
                    return new Object[] {
                        Timestamps.of(at),
                        source == null ? null : source.id(),
                        source == null ? null : source.name(),
                        endpoint,
                        rejection.index(),
                        StoredText.clean(masking.messageId(rejection.messageId())),
                        rejection.reason(),
                        masking.errors(violations),
                        body.body(),
                        body.truncated()
                    };
                })
                .toList();
        jdbc.batchUpdate("""
                insert into ingest.rejected_message (rejected_at, write_key_id, write_key_name, endpoint, batch_index,
                       message_id, reason, errors, body, body_truncated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Counts rejections by their reason; call once they are kept. */
    void count(List<Rejection> rejections) {
        for (var rejection : rejections) {
            byReason.computeIfAbsent(
                            rejection.reason(),
                            reason -> meters.counter("siyu.ingest.rejected.messages", "reason", reason))
                    .increment();
        }
    }

    /** The kept rejections, newest first. */
    public Slice<RejectedMessage> page(String cursor, int limit) {
        long before = cursor == null
                ? Long.MAX_VALUE
                : Cursor.decode("cursor", cursor, 1).number(0);
        var items = jdbc.query(
                "select * from ingest.rejected_message where id < ? order by id desc limit ?",
                (rs, n) -> new RejectedMessage(
                        rs.getLong("id"),
                        Timestamps.read(rs, "rejected_at"),
                        rs.getObject("write_key_id", Long.class),
                        rs.getString("write_key_name"),
                        rs.getString("endpoint"),
                        rs.getObject("batch_index", Integer.class),
                        rs.getString("message_id"),
                        rs.getString("reason"),
                        masking.errors(rs.getString("errors")),
                        rs.getString("body"),
                        rs.getBoolean("body_truncated")),
                before,
                Slice.rowsToFetch(limit));
        return Slice.cut(items, limit, rejection -> Cursor.encode(rejection.id()));
    }

    /** Deletes what is older than the retention; returns how many were deleted. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    int purge() {
        var deleted = jdbc.update(
                "delete from ingest.rejected_message where rejected_at < ?",
                Timestamps.of(clock.instant().minus(properties.rejectedRetention())));
        if (deleted > 0) {
            log.info("purged {} rejected messages older than {}", deleted, properties.rejectedRetention());
        }
        return deleted;
    }
}
