package io.siyu.messaging.internal.ledger;

import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import io.siyu.shared.Cursor;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The ledger as people read it: every message meant, newest first, with what became of it and why. */
@Component
public class SendHistory {

    private static final String COLUMNS = """
            select s.id, s.reason, s.origin, s.customer_id, s.channel, s.purpose, s.template_id, t.key as template_key,
                   s.template_version, s.state, s.outcome, s.attempts, s.queued_at, s.due_at, s.sent_at, s.address,
                   s.provider, s.provider_message_id, s.subject, s.opened_at, s.clicked_at, s.delivered_at,
                   s.bounced_at, s.converted_at, s.conversions, s.revenue
              from messaging.send s join messaging.template t on t.id = s.template_id""";

    private final JdbcTemplate jdbc;

    SendHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One message of the ledger; the address is masked. {@code providerMessageId} is the provider's id of the message
     * (an SMS's BizId), {@code deliveredAt} and {@code bouncedAt} what its receipt said; {@code conversions} and
     * {@code revenue} the orders attributed to it, the first at {@code convertedAt}.
     */
    public record SendRow(
            long id,
            String reason,
            String origin,
            long customerId,
            Channel channel,
            Purpose purpose,
            long templateId,
            String templateKey,
            int templateVersion,
            SendState state,
            @Nullable String outcome,
            int attempts,
            Instant queuedAt,
            Instant dueAt,
            @Nullable Instant sentAt,
            @Nullable String address,
            @Nullable String provider,
            @Nullable String providerMessageId,
            @Nullable String subject,
            @Nullable Instant openedAt,
            @Nullable Instant clickedAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant bouncedAt,
            @Nullable Instant convertedAt,
            int conversions,
            java.math.BigDecimal revenue) {}

    public SendRow get(long id) {
        return jdbc.query(COLUMNS + " where s.id = ?", SendHistory::row, id).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("message", id));
    }

    /** A page of the ledger, newest first, for one customer or all, in one state or all. */
    public Slice<SendRow> page(
            @Nullable Long customerId, @Nullable SendState state, @Nullable String cursor, int limit) {
        var where = new ArrayList<String>();
        var arguments = new ArrayList<Object>();
        if (customerId != null) {
            where.add("s.customer_id = ?");
            arguments.add(customerId);
        }
        if (state != null) {
            where.add("s.state = ?");
            arguments.add(state.value());
        }
        if (cursor != null) {
            where.add("s.id < ?");
            arguments.add(Cursor.decode("cursor", cursor, 1).number(0));
        }
        arguments.add(Slice.rowsToFetch(limit));
        List<SendRow> rows = jdbc.query(
                COLUMNS + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by s.id desc limit ?",
                SendHistory::row,
                arguments.toArray());
        return Slice.cut(rows, limit, r -> Cursor.encode(r.id()));
    }

    private static SendRow row(ResultSet rs, int row) throws SQLException {
        return new SendRow(
                rs.getLong("id"),
                rs.getString("reason"),
                rs.getString("origin"),
                rs.getLong("customer_id"),
                Channel.parse("channel", rs.getString("channel")),
                Purpose.parse("purpose", rs.getString("purpose")),
                rs.getLong("template_id"),
                rs.getString("template_key"),
                rs.getInt("template_version"),
                SendState.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("outcome"),
                rs.getInt("attempts"),
                Timestamps.read(rs, "queued_at"),
                Timestamps.read(rs, "due_at"),
                Timestamps.read(rs, "sent_at"),
                rs.getString("address"),
                rs.getString("provider"),
                rs.getString("provider_message_id"),
                rs.getString("subject"),
                Timestamps.read(rs, "opened_at"),
                Timestamps.read(rs, "clicked_at"),
                Timestamps.read(rs, "delivered_at"),
                Timestamps.read(rs, "bounced_at"),
                Timestamps.read(rs, "converted_at"),
                rs.getInt("conversions"),
                rs.getBigDecimal("revenue"));
    }

    /** The figures of {@link io.siyu.messaging.Messages#figures}. */
    public List<io.siyu.messaging.Messages.Figures> figures(String origin, int parts) {
        return jdbc.query(
                """
                select array_to_string((string_to_array(reason, ':'))[1:?], ':') as grp, count(sent_at) as sent,
                       count(*) filter (where delivered_at is not null
                                           or (channel <> ? and sent_at is not null and bounced_at is null))
                           as delivered,
                       count(opened_at) as opened, count(clicked_at) as clicked, count(converted_at) as converted,
                       coalesce(sum(revenue), 0) as revenue
                  from messaging.send where origin = ? group by 1 having count(sent_at) > 0 order by 1""",
                (rs, row) -> new io.siyu.messaging.Messages.Figures(
                        rs.getString("grp"),
                        rs.getLong("sent"),
                        rs.getLong("delivered"),
                        rs.getLong("opened"),
                        rs.getLong("clicked"),
                        rs.getLong("converted"),
                        rs.getBigDecimal("revenue")),
                parts,
                Channel.SMS.category(),
                origin);
    }
}
