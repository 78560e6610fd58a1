package io.siyu.access.internal;

import io.siyu.access.AuditLog;
import io.siyu.shared.Cursor;
import io.siyu.shared.Slice;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: one row per change, written in the same transaction as the change it records so that a change and
 * its record stand or fall together.
 */
@Service
class AuditTrail implements AuditLog {

    static final String RECORDED = AuditTrail.class.getName() + ".recorded";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    record Entry(
            long id,
            Instant at,
            String actor,
            String actorKind,
            String action,
            String target,
            int outcome,
            Object detail,
            String clientIp) {}

    @Override
    public void record(String action, String target, Map<String, ?> detail) {
        write(action, target, 200, detail);
    }

    void write(String action, String target, int outcome, Map<String, ?> detail) {
        var request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE);
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor;
        String kind;
        if (authentication != null && authentication.getPrincipal() instanceof OperatorPrincipal principal) {
            actor = principal.toString();
            kind = principal.kind() == OperatorPrincipal.Kind.OPERATOR ? "OPERATOR" : "API_TOKEN";
        } else if (request != null) {
            actor = "anonymous";
            kind = "ANONYMOUS";
        } else {
            actor = "system";
            kind = "SYSTEM";
        }
        jdbc.sql("""
                        insert into access.audit_entry (at, actor, actor_kind, action, target, outcome, detail, client_ip)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(
                        OperatorStore.ts(clock.instant()),
                        actor,
                        kind,
                        action,
                        target,
                        outcome,
                        detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail),
                        request == null ? null : request.getRemoteAddr())
                .update();
    }

    Slice<Entry> page(String cursor, int limit, String action, String actor) {
        long before = cursor == null
                ? Long.MAX_VALUE
                : Long.parseLong(Cursor.decode("cursor", cursor, 1).getFirst());
        var items = jdbc.sql("""
                        select * from access.audit_entry
                         where id < :before
                           and (cast(:action as text) is null or action like cast(:action as text) || '%')
                           and (cast(:actor as text) is null or actor = cast(:actor as text))
                         order by id desc limit :limit""")
                .param("before", before)
                .param("action", action)
                .param("actor", actor)
                .param("limit", limit + 1)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        OperatorStore.instant(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("actor_kind"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getInt("outcome"),
                        rs.getString("detail") == null ? null : json.readTree(rs.getString("detail")),
                        rs.getString("client_ip")))
                .list();
        var more = items.size() > limit;
        var page = more ? items.subList(0, limit) : items;
        return Slice.of(page, more ? Cursor.encode(page.getLast().id()) : null);
    }
}
