package io.siyu.access.internal.audit;

import io.siyu.access.AuditLog;
import io.siyu.access.internal.operators.OperatorPrincipal;
import io.siyu.shared.Cursor;
import io.siyu.shared.Slice;
import io.siyu.shared.StoredText;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * The audit log: one row per change, written in the same transaction as the change it records so that a change and
 * its record stand or fall together.
 *
 * <p>What an entry keeps is bounded, whatever the caller sent: each text (action, target, actor and every text in the
 * detail) keeps its first {@value #MAX_TEXT} characters, lists and objects in the detail their first
 * {@value #MAX_ITEMS} items, and a detail still longer than {@value #MAX_DETAIL} characters is replaced by a note of
 * its size. A page of the log therefore stays small however large a refused request was.
 */
@Service
public class AuditTrail implements AuditLog {

    static final String RECORDED = AuditTrail.class.getName() + ".recorded";
    static final int MAX_TEXT = 200;
    static final int MAX_ITEMS = 50;
    static final int MAX_DETAIL = 4_000;
    private static final String CUT = "…";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record Entry(
            long id,
            Instant at,
            String actor,
            String actorKind,
            String action,
            @Nullable String target,
            int outcome,
            @Nullable Object detail,
            @Nullable String clientIp) {}

    @Override
    public void record(String action, String target, Map<String, ?> detail) {
        write(action, target, 200, detail);
    }

    public void write(String action, String target, int outcome, Map<String, ?> detail) {
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
                        Timestamps.of(clock.instant()),
                        bounded(actor),
                        kind,
                        bounded(action),
                        bounded(target),
                        outcome,
                        detail == null || detail.isEmpty() ? null : bounded(detail),
                        request == null ? null : request.getRemoteAddr())
                .update();
    }

    /** A text as the log keeps it: at most {@value #MAX_TEXT} characters, as PostgreSQL stores it. */
    public static String bounded(String text) {
        return StoredText.cut(text, MAX_TEXT);
    }

    private String bounded(Map<String, ?> detail) {
        var kept = json.writeValueAsString(bounded((JsonNode) json.valueToTree(detail)));
        return kept.length() <= MAX_DETAIL
                ? kept
                : json.writeValueAsString(Map.of("omitted", "a detail of " + kept.length() + " characters"));
    }

    private JsonNode bounded(JsonNode node) {
        if (node.isString()) {
            return StringNode.valueOf(bounded(node.asString()));
        }
        if (node.isArray()) {
            var kept = json.createArrayNode();
            for (int i = 0; i < Math.min(node.size(), MAX_ITEMS); i++) {
                kept.add(bounded(node.get(i)));
            }
            if (node.size() > MAX_ITEMS) {
                kept.add(CUT);
            }
            return kept;
        }
        if (node.isObject()) {
            var kept = json.createObjectNode();
            node.properties().stream()
                    .limit(MAX_ITEMS)
                    .forEach(property -> kept.set(bounded(property.getKey()), bounded(property.getValue())));
            return kept;
        }
        return node;
    }

    public Slice<Entry> page(String cursor, int limit, String action, String actor) {
        long before = cursor == null
                ? Long.MAX_VALUE
                : Cursor.decode("cursor", cursor, 1).number(0);
        var items = jdbc.sql("""
                        select * from access.audit_entry
                         where id < :before
                           and (cast(:action as text) is null or action like cast(:action as text) || '%')
                           and (cast(:actor as text) is null or actor = cast(:actor as text))
                         order by id desc limit :limit""")
                .param("before", before)
                .param("action", action)
                .param("actor", actor)
                .param("limit", Slice.rowsToFetch(limit))
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        Timestamps.read(rs, "at"),
                        rs.getString("actor"),
                        rs.getString("actor_kind"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getInt("outcome"),
                        rs.getString("detail") == null ? null : json.readTree(rs.getString("detail")),
                        rs.getString("client_ip")))
                .list();
        return Slice.cut(items, limit, entry -> Cursor.encode(entry.id()));
    }
}
