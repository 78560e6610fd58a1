package io.siyu.audience.internal.definitions;

import io.siyu.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags and their categories as stored, who holds each tag (with a value for a value tag) and the history of every
 * assignment; every change is stamped with the time it is made. Data access errors (a duplicate name, an unknown
 * category) are left to the callers, who know what they mean.
 */
@Repository
public class TagStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TagStore(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public record StoredTag(
            long id, Long categoryId, String name, String kind, String description, JsonNode rule, Instant createdAt) {}

    @Schema(name = "TagCategory")
    public record Category(long id, String name, @Nullable String description, long tags) {}

    public record CustomerTag(
            long tagId,
            String name,

            @Schema(allowableValues = {"MANUAL", "RULE", "VALUE"})
            String kind,

            @Nullable String value,
            Instant assignedAt,
            @Nullable String assignedBy) {}

    public record TagChange(
            long tagId,
            String name,
            String change,
            @Nullable String value,
            Instant at,
            @Nullable String by) {}

    /** Receives one assignment of a tag to a customer ({@code value} empty for a tag without values). */
    @FunctionalInterface
    public interface AssignmentVisitor {
        void accept(long tagId, long customerId, String value);
    }

    /** Every tag, by id. */
    List<StoredTag> tags() {
        return jdbc.query("select * from audience.tag order by id", this::tagRow);
    }

    /** Every tag, by name. */
    public List<StoredTag> tagsByName() {
        return jdbc.query("select * from audience.tag order by name", this::tagRow);
    }

    public Optional<StoredTag> tag(long id) {
        return jdbc.query("select * from audience.tag where id = ?", this::tagRow, id).stream()
                .findFirst();
    }

    private StoredTag tagRow(ResultSet rs, int row) throws SQLException {
        var category = rs.getLong("category_id");
        var categoryId = rs.wasNull() ? null : category;
        var rule = rs.getString("rule");
        return new StoredTag(
                rs.getLong("id"),
                categoryId,
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("description"),
                rule == null ? null : json.readTree(rule),
                Timestamps.read(rs, "created_at"));
    }

    /** A new tag's id; a rule is null for a tag without one. */
    public long create(Long categoryId, String name, String kind, String description, JsonNode rule) {
        var now = Timestamps.of(clock.instant());
        return jdbc.queryForObject(
                """
                insert into audience.tag (category_id, name, kind, description, rule, created_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?) returning id""",
                Long.class,
                categoryId,
                name,
                kind,
                description,
                rule == null || rule.isNull() ? null : json.writeValueAsString(rule),
                now,
                now);
    }

    public void update(long id, String name, Long categoryId, String description, JsonNode rule) {
        jdbc.update(
                """
                update audience.tag set name = ?, category_id = ?, description = ?, rule = ?::jsonb, updated_at = ?
                 where id = ?""",
                name,
                categoryId,
                description,
                rule == null || rule.isNull() ? null : json.writeValueAsString(rule),
                Timestamps.of(clock.instant()),
                id);
    }

    public void delete(long id) {
        jdbc.update("delete from audience.tag where id = ?", id);
    }

    public List<Category> categories() {
        return jdbc.query(
                """
                select c.id, c.name, c.description, count(t.id) as tags from audience.tag_category c
                  left join audience.tag t on t.category_id = c.id group by c.id order by c.name""",
                (rs, n) -> new Category(
                        rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("tags")));
    }

    /** A new category's id. */
    public long createCategory(String name, String description) {
        return jdbc.queryForObject(
                "insert into audience.tag_category (name, description, created_at) values (?, ?, ?) returning id",
                Long.class,
                name,
                description,
                Timestamps.of(clock.instant()));
    }

    /**
     * Assigns a tag to customers, with a value ({@code ""} for a tag without values), and records {@code change}
     * (ADDED or CHANGED) in their history, in one transaction.
     */
    public void assign(long tagId, RoaringBitmap customers, String value, String change, String by) {
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    """
                    insert into audience.tag_assignment (tag_id, customer_id, value, assigned_at, assigned_by)
                    values (?, ?, ?, ?, ?)
                    on conflict (tag_id, customer_id) do update set value = excluded.value,
                           assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by""",
                    customers.stream()
                            .mapToObj(ordinal -> new Object[] {tagId, (long) ordinal, value, Timestamps.of(now), by})
                            .toList());
            history(tagId, customers, change, value, now, by);
        });
    }

    /** Takes a tag from customers and records it in their history, in one transaction. */
    public void remove(long tagId, RoaringBitmap customers, String by) {
        var now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "delete from audience.tag_assignment where tag_id = ? and customer_id = ?",
                    customers.stream()
                            .mapToObj(ordinal -> new Object[] {tagId, (long) ordinal})
                            .toList());
            history(tagId, customers, "REMOVED", null, now, by);
        });
    }

    /**
     * Gives a tag without values to the customers who do not hold it yet, in the caller's transaction, and records it
     * in their history; answers those who got it.
     */
    public RoaringBitmap giveMissing(long tagId, RoaringBitmap customers, String by) {
        var now = clock.instant();
        var given = new RoaringBitmap();
        customers.forEach((int ordinal) -> given.add(
                jdbc.query("""
                        insert into audience.tag_assignment (tag_id, customer_id, value, assigned_at, assigned_by)
                        values (?, ?, '', ?, ?) on conflict (tag_id, customer_id) do nothing returning customer_id""", (rs, row) -> rs.getInt(1), tagId, (long) ordinal, Timestamps.of(now), by).stream()
                        .mapToInt(Integer::intValue)
                        .toArray()));
        history(tagId, given, "ADDED", "", now, by);
        return given;
    }

    /** Takes a tag from the customers who hold it, in the caller's transaction, and records it; answers those. */
    public RoaringBitmap takeHeld(long tagId, RoaringBitmap customers, String by) {
        var now = clock.instant();
        var taken = new RoaringBitmap();
        customers.forEach((int ordinal) -> taken.add(jdbc
                .query(
                        "delete from audience.tag_assignment where tag_id = ? and customer_id = ? returning customer_id",
                        (rs, row) -> rs.getInt(1),
                        tagId,
                        (long) ordinal)
                .stream()
                .mapToInt(Integer::intValue)
                .toArray()));
        history(tagId, taken, "REMOVED", null, now, by);
        return taken;
    }

    private void history(long tag, RoaringBitmap ids, String change, String value, Instant at, String by) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into audience.tag_history (tag_id, customer_id, change, value, at, by_whom)
                values (?, ?, ?, ?, ?, ?)""",
                ids.stream()
                        .mapToObj(ordinal -> new Object[] {tag, (long) ordinal, change, value, Timestamps.of(at), by})
                        .toList());
    }

    /**
     * Moves a merged customer's tags to the profile that absorbed it (in the merge's transaction); tags the survivor
     * already had keep their value, and each tag it gains is recorded in its history.
     */
    public void merged(long survivor, long absorbed) {
        jdbc.update("""
                with moved as (
                    insert into audience.tag_assignment (tag_id, customer_id, value, assigned_at, assigned_by)
                    select tag_id, ?, value, assigned_at, assigned_by from audience.tag_assignment where customer_id = ?
                    on conflict (tag_id, customer_id) do nothing
                    returning tag_id, value
                )
                insert into audience.tag_history (tag_id, customer_id, change, value, at, by_whom)
                select tag_id, ?, 'ADDED', nullif(value, ''), ?, ? from moved""", survivor, absorbed, survivor, Timestamps.of(clock.instant()), "merge of customer " + absorbed);
        jdbc.update("delete from audience.tag_assignment where customer_id = ?", absorbed);
    }

    /** Every assignment, or one customer's ({@code customerId} not null). */
    public void forEachAssignment(Long customerId, AssignmentVisitor visitor) {
        RowCallbackHandler each =
                rs -> visitor.accept(rs.getLong("tag_id"), rs.getLong("customer_id"), rs.getString("value"));
        var sql = "select tag_id, customer_id, value from audience.tag_assignment";
        if (customerId == null) {
            jdbc.query(sql, each);
        } else {
            jdbc.query(sql + " where customer_id = ?", each, customerId);
        }
    }

    public List<CustomerTag> tagsOf(long customerId) {
        return jdbc.query(
                """
                select a.tag_id, t.name, t.kind, a.value, a.assigned_at, a.assigned_by from audience.tag_assignment a
                  join audience.tag t on t.id = a.tag_id where a.customer_id = ? order by t.name""",
                (rs, n) -> new CustomerTag(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4).isEmpty() ? null : rs.getString(4),
                        Timestamps.read(rs, "assigned_at"),
                        rs.getString(6)),
                customerId);
    }

    public List<TagChange> historyOf(long customerId) {
        return jdbc.query(
                """
                select h.tag_id, coalesce(t.name, '#' || h.tag_id), h.change, h.value, h.at, h.by_whom
                  from audience.tag_history h left join audience.tag t on t.id = h.tag_id
                 where h.customer_id = ? order by h.at desc, h.id desc limit 200""",
                (rs, n) -> new TagChange(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Timestamps.read(rs, "at"),
                        rs.getString(6)),
                customerId);
    }
}
