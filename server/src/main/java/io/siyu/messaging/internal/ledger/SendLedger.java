package io.siyu.messaging.internal.ledger;

import io.siyu.customers.CustomerId;
import io.siyu.messaging.Channel;
import io.siyu.messaging.Messages;
import io.siyu.messaging.Purpose;
import io.siyu.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The send ledger's rows: queued once per reason, claimed without overlap, settled with their outcome. */
@Component
public class SendLedger {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SendLedger(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A message to queue, its template already resolved to the version to render. */
    public record NewSend(
            Messages.SendRequest request,
            Channel channel,
            Purpose purpose,
            long templateId,
            int templateVersion,
            Instant dueAt) {}

    /**
     * Moves the absorbed profile's ledger rows and the orders attributed to them to the survivor, in the merge's
     * transaction: the survivor's message history lists them, the survivor's orders are attributed to what the absorbed
     * profile clicked or opened, and a row still queued goes to the survivor. Rows keep their reason, so a message
     * queued again under it is still found and not sent twice.
     */
    public void move(CustomerId absorbed, CustomerId survivor) {
        jdbc.update(
                "update messaging.send set customer_id = ? where customer_id = ?", survivor.value(), absorbed.value());
        jdbc.update(
                "update messaging.conversion set customer_id = ? where customer_id = ?",
                survivor.value(),
                absorbed.value());
    }

    /** A claimed row: everything a dispatcher needs to render and send it. */
    public record Claimed(
            long id,
            String reason,
            CustomerId customerId,
            Channel channel,
            Purpose purpose,
            long templateId,
            int templateVersion,
            Map<String, Object> variables,
            int attempts) {}

    /**
     * Inserts the rows whose reasons are new and answers, per request in order, its row id and whether it was there
     * before. Runs in the caller's transaction.
     */
    public List<Messages.Queued> enqueue(List<NewSend> sends, Instant now) {
        var unique = new java.util.LinkedHashMap<String, NewSend>();
        sends.forEach(send -> unique.putIfAbsent(send.request().reason(), send));
        var rows = List.copyOf(unique.values());
        var fresh = new HashMap<String, Long>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            insert into messaging.send (reason, origin, customer_id, channel, purpose, template_id,
                                                        template_version, variables, state, due_at, queued_at)
                            select reason, origin, customer_id, channel, purpose, template_id, template_version,
                                   variables::jsonb, 'queued', due_at, ?
                              from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[],
                                          ?::integer[], ?::text[], ?::timestamptz[])
                                   as r(reason, origin, customer_id, channel, purpose, template_id, template_version,
                                        variables, due_at)
                            on conflict (reason) do nothing returning id, reason""");
                    statement.setObject(1, Timestamps.of(now));
                    statement.setArray(
                            2, array(connection, "text", rows, s -> s.request().reason()));
                    statement.setArray(
                            3, array(connection, "text", rows, s -> s.request().origin()));
                    statement.setArray(
                            4,
                            array(
                                    connection,
                                    "bigint",
                                    rows,
                                    s -> s.request().customerId().value()));
                    statement.setArray(
                            5, array(connection, "text", rows, s -> s.channel().category()));
                    statement.setArray(
                            6, array(connection, "text", rows, s -> s.purpose().value()));
                    statement.setArray(7, array(connection, "bigint", rows, NewSend::templateId));
                    statement.setArray(8, array(connection, "integer", rows, NewSend::templateVersion));
                    statement.setArray(
                            9,
                            array(
                                    connection,
                                    "text",
                                    rows,
                                    s -> json.writeValueAsString(s.request().variables())));
                    statement.setArray(
                            10, array(connection, "timestamptz", rows, s -> java.sql.Timestamp.from(s.dueAt())));
                    return statement;
                },
                (java.sql.ResultSet rs) -> {
                    fresh.put(rs.getString("reason"), rs.getLong("id"));
                });
        var ids = new HashMap<String, Long>(fresh);
        var known = rows.stream()
                .map(s -> s.request().reason())
                .filter(reason -> !fresh.containsKey(reason))
                .toList();
        if (!known.isEmpty()) {
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement(
                                "select id, reason from messaging.send where reason = any(?)");
                        statement.setArray(1, connection.createArrayOf("text", known.toArray()));
                        return statement;
                    },
                    (java.sql.ResultSet rs) -> {
                        ids.put(rs.getString("reason"), rs.getLong("id"));
                    });
        }
        return sends.stream()
                .map(s -> s.request().reason())
                .map(reason -> new Messages.Queued(reason, ids.get(reason), !fresh.containsKey(reason)))
                .toList();
    }

    private static java.sql.Array array(
            java.sql.Connection connection,
            String type,
            List<NewSend> rows,
            java.util.function.Function<NewSend, Object> value)
            throws java.sql.SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }

    /** Claims up to {@code limit} due rows, oldest first, skipping rows another dispatcher holds. */
    public List<Claimed> claim(int limit, Instant now) {
        return jdbc.query("""
                update messaging.send s set state = 'sending', attempts = s.attempts + 1, claimed_at = ?
                  from (select id from messaging.send where state = 'queued' and due_at <= ?
                         order by due_at limit ? for update skip locked) due
                 where s.id = due.id
                returning s.id, s.reason, s.customer_id, s.channel, s.purpose, s.template_id, s.template_version,
                          s.variables, s.attempts""", this::claimed, Timestamps.of(now), Timestamps.of(now), limit);
    }

    /**
     * What became of one claimed row.
     *
     * @param recipientKey the keyed digest of the address it went to, for receipts and replies to find it
     * @param attemptCounted false for a row that waits out a rate limit: the claim's attempt is given back
     */
    public record Settlement(
            long id,
            SendState state,
            @Nullable String outcome,
            @Nullable Instant dueAgainAt,
            @Nullable String address,
            @Nullable String provider,
            @Nullable String providerMessageId,
            @Nullable String subject,
            @Nullable String recipientKey,
            boolean attemptCounted) {

        public Settlement(
                long id,
                SendState state,
                @Nullable String outcome,
                @Nullable Instant dueAgainAt,
                @Nullable String address,
                @Nullable String provider,
                @Nullable String providerMessageId,
                @Nullable String subject) {
            this(id, state, outcome, dueAgainAt, address, provider, providerMessageId, subject, null, true);
        }
    }

    /** Settles claimed rows; only rows still claimed change, so a row queued again after a timeout is left alone. */
    public void settle(List<Settlement> settlements, Instant now) {
        if (settlements.isEmpty()) {
            return;
        }
        var rows = new ArrayList<Object[]>();
        for (var s : settlements) {
            rows.add(new Object[] {
                s.state().value(),
                s.outcome(),
                s.dueAgainAt() == null ? null : Timestamps.of(s.dueAgainAt()),
                s.state() == SendState.SENT ? Timestamps.of(now) : null,
                s.address(),
                s.provider(),
                s.providerMessageId(),
                s.subject(),
                s.recipientKey(),
                s.attemptCounted() ? 0 : 1,
                s.id()
            });
        }
        jdbc.batchUpdate("""
                update messaging.send set state = ?, outcome = ?, due_at = coalesce(?, due_at),
                       sent_at = coalesce(?, sent_at), address = coalesce(?, address), provider = coalesce(?, provider),
                       provider_message_id = coalesce(?, provider_message_id), subject = coalesce(?, subject),
                       recipient_key = coalesce(?, recipient_key), attempts = attempts - ?
                 where id = ? and state = 'sending'""", rows);
    }

    /**
     * Queues again the rows claimed longer than {@code inFlight} ago whose dispatcher never settled them (it died):
     * they may have been sent, so this is the one place a message can go out twice.
     */
    public int requeueAbandoned(Instant now, Duration inFlight) {
        return jdbc.update("""
                update messaging.send set state = 'queued', due_at = ?, outcome = 'requeued after an unfinished attempt'
                 where state = 'sending' and claimed_at < ?""", Timestamps.of(now), Timestamps.of(now.minus(inFlight)));
    }

    /**
     * Queues claimed rows again until a later moment without counting their attempt: they were not tried, only held
     * (quiet hours), and {@code outcome} says why they wait.
     */
    public void hold(Map<Long, Instant> until, String outcome) {
        if (until.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                update messaging.send set state = 'queued', due_at = ?, attempts = attempts - 1, outcome = ?
                 where id = ? and state = 'sending'""",
                until.entrySet().stream()
                        .map(e -> new Object[] {Timestamps.of(e.getValue()), outcome, e.getKey()})
                        .toList());
    }

    /** A sent message as a provider's receipt or a customer's reply finds it. */
    public record Recipient(long id, CustomerId customerId, Channel channel, long templateId) {}

    /** The sent messages a provider's message id (an SMS's BizId, shared by a batch) names for one address. */
    public List<Recipient> sentAs(String provider, String providerMessageId, String recipientKey) {
        return jdbc.query("""
                select id, customer_id, channel, template_id from messaging.send
                 where provider_message_id = ? and recipient_key = ? and provider = ? and state in ('sent', 'failed')""", SendLedger::recipient, providerMessageId, recipientKey, provider);
    }

    /** A sent message no receipt has settled yet, with the provider's id for it. */
    public record Awaiting(Recipient recipient, String providerMessageId) {}

    /**
     * Up to {@code limit} messages a provider accepted since {@code since} that no receipt has settled yet, in row order
     * after {@code afterId}: what to ask a provider that is polled for its receipts.
     */
    public List<Awaiting> awaitingReceipt(Channel channel, String provider, Instant since, long afterId, int limit) {
        return jdbc.query(
                """
                select id, customer_id, channel, template_id, provider_message_id from messaging.send
                 where channel = ? and state = 'sent' and delivered_at is null and sent_at >= ? and id > ?
                   and provider = ? and provider_message_id is not null
                 order by id limit ?""",
                (rs, row) -> new Awaiting(recipient(rs, row), rs.getString("provider_message_id")),
                channel.category(),
                Timestamps.of(since),
                afterId,
                provider,
                limit);
    }

    /** The newest message a channel sent to an address: whom a reply from that address is from. */
    public java.util.Optional<Recipient> newestTo(Channel channel, String recipientKey) {
        return jdbc.query("""
                        select id, customer_id, channel, template_id from messaging.send
                         where recipient_key = ? and channel = ? order by id desc limit 1""", SendLedger::recipient, recipientKey, channel.category()).stream()
                .findFirst();
    }

    /** Notes that the provider delivered a sent message; answers whether this changed the row. */
    public boolean noteDelivered(long id, Instant at) {
        return jdbc.update("""
                        update messaging.send set delivered_at = ?
                         where id = ? and state = 'sent' and delivered_at is null and bounced_at is null""", Timestamps.of(at), id) > 0;
    }

    /**
     * Notes that the provider could not deliver a message it had accepted: the row fails with the provider's reason.
     * Answers whether this changed the row.
     */
    public boolean noteBounced(long id, String outcome, Instant at) {
        return jdbc.update("""
                        update messaging.send set state = 'failed', outcome = ?, bounced_at = ?
                         where id = ? and state = 'sent' and delivered_at is null and bounced_at is null""", outcome, Timestamps.of(at), id) > 0;
    }

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(
                rs.getLong("id"),
                CustomerId.of(rs.getLong("customer_id")),
                Channel.parse("channel", rs.getString("channel")),
                rs.getLong("template_id"));
    }

    /** Notes the first open and the first click of a sent message. */
    public void noteEngagement(long id, boolean click, Instant at) {
        jdbc.update(
                click
                        ? "update messaging.send set clicked_at = coalesce(clicked_at, ?) where id = ?"
                        : "update messaging.send set opened_at = coalesce(opened_at, ?) where id = ?",
                Timestamps.of(at),
                id);
    }

    private Claimed claimed(ResultSet rs, int row) throws SQLException {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = json.readValue(rs.getString("variables"), Map.class);
        return new Claimed(
                rs.getLong("id"),
                rs.getString("reason"),
                CustomerId.of(rs.getLong("customer_id")),
                Channel.parse("channel", rs.getString("channel")),
                Purpose.parse("purpose", rs.getString("purpose")),
                rs.getLong("template_id"),
                rs.getInt("template_version"),
                variables,
                rs.getInt("attempts"));
    }
}
