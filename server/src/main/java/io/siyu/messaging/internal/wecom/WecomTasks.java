package io.siyu.messaging.internal.wecom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The WeCom tasks Siyu created, and what became of them. */
@Component
public class WecomTasks {

    private final JdbcTemplate jdbc;

    WecomTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A task: the message it is (its ledger row and the business reason it was queued for), WeCom's id, the staff
     * member who sends it and the customer it goes to.
     */
    public record Task(
            long sendId,
            String reason,
            String msgid,
            String sender,
            String externalUserid,
            long customerId,
            Instant createdAt,
            @Nullable Instant remindedAt,
            @Nullable String outcome) {}

    void created(long sendId, String msgid, String sender, String externalUserid, Instant at) {
        jdbc.update("""
                insert into messaging.wecom_task (send_id, msgid, sender, external_userid, created_at, check_at)
                values (?, ?, ?, ?, ?, ?) on conflict (send_id) do nothing""", sendId, msgid, sender, externalUserid, Timestamp.from(at), Timestamp.from(at));
    }

    /** Open tasks whose outcome is due to be asked for, oldest check first. */
    List<Task> due(Instant now, int limit) {
        return jdbc.query("""
                select t.*, s.customer_id, s.reason from messaging.wecom_task t join messaging.send s on s.id = t.send_id
                 where t.settled_at is null and t.check_at <= ? order by t.check_at limit ?""", (rs, i) -> task(rs), Timestamp.from(now), limit);
    }

    /** The task of the message queued for a reason, if it became one. */
    public Optional<Task> ofReason(String reason) {
        return jdbc.query("""
                        select t.*, s.customer_id, s.reason from messaging.wecom_task t join messaging.send s on s.id = t.send_id
                         where s.reason = ?""", (rs, i) -> task(rs), reason).stream().findFirst();
    }

    void checkAgain(long sendId, Instant at) {
        jdbc.update("update messaging.wecom_task set check_at = ? where send_id = ?", Timestamp.from(at), sendId);
    }

    void reminded(long sendId, Instant at) {
        jdbc.update("update messaging.wecom_task set reminded_at = ? where send_id = ?", Timestamp.from(at), sendId);
    }

    /**
     * Withdraws the WeCom message queued for {@code reason} that no dispatcher has taken yet, so it never becomes a
     * task; answers whether there was one.
     */
    boolean withdrawQueued(String reason) {
        return jdbc.update("""
                        update messaging.send set state = 'skipped', outcome = 'cancelled'
                         where reason = ? and channel = 'wecom' and state = 'queued'""", reason) == 1;
    }

    /** Settles an open task; answers false when it was settled already (by another check or a cancel). */
    boolean settle(long sendId, String outcome, Instant at) {
        return jdbc.update("""
                        update messaging.wecom_task set outcome = ?, settled_at = ?
                         where send_id = ? and settled_at is null""", outcome, Timestamp.from(at), sendId) == 1;
    }

    private static Task task(java.sql.ResultSet rs) throws java.sql.SQLException {
        var reminded = rs.getTimestamp("reminded_at");
        return new Task(
                rs.getLong("send_id"),
                rs.getString("reason"),
                rs.getString("msgid"),
                rs.getString("sender"),
                rs.getString("external_userid"),
                rs.getLong("customer_id"),
                rs.getTimestamp("created_at").toInstant(),
                reminded == null ? null : reminded.toInstant(),
                rs.getString("outcome"));
    }
}
