package io.siyu.audience.internal.segments;

import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.definitions.Definitions;
import io.siyu.audience.internal.definitions.TagStore;
import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.customers.CustomerId;
import io.siyu.customers.CustomerSummary;
import io.siyu.customers.Profiles;
import io.siyu.shared.Cursor;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Slice;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Who is in a set, answered from the index: how many customers a definition matches and the first of them, pages of
 * the members of a segment or a tag, the overlaps of segments, the customers a request names, and the customers
 * behind a set of ordinals.
 */
@Service
public class Members {

    private final CurrentIndex current;
    private final Definitions definitions;
    private final DefinitionStore store;
    private final TagStore tags;
    private final Profiles profiles;

    Members(CurrentIndex current, Definitions definitions, DefinitionStore store, TagStore tags, Profiles profiles) {
        this.current = current;
        this.definitions = definitions;
        this.store = store;
        this.tags = tags;
        this.profiles = profiles;
    }

    public record Count(long count, long live, double tookMillis) {}

    public Count count(JsonNode definition) {
        var parsed = definitions.parse(definition);
        var started = System.nanoTime();
        var index = current.index();
        var members = index.read(() -> definitions.evaluator().evaluate(parsed.condition(), null));
        var live = index.read(() -> (long) index.liveCount());
        return new Count(members.getCardinality(), live, (System.nanoTime() - started) / 1e6);
    }

    public record Preview(long count, List<CustomerSummary> customers) {}

    public Preview preview(JsonNode definition, int limit) {
        var members = matching(definition);
        return new Preview(members.getCardinality(), summaries(first(members, null, limit)));
    }

    /** Every customer a definition matches now. */
    RoaringBitmap matching(JsonNode definition) {
        var parsed = definitions.parse(definition);
        return current.index().read(() -> definitions.evaluator().evaluate(parsed.condition(), null));
    }

    /** Checks a page request's limit (1 to 500) and answers its cursor, null for the first page. */
    public static String cursor(String cursor, int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "range", "must be between 1 and 500");
        }
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    /** A page of a segment's members, by customer id ascending. */
    public Slice<CustomerSummary> members(long id, String cursor, int limit) {
        current.requireReady();
        store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
        return page(index -> index.segment(id), cursor, limit);
    }

    /** A page of the customers who have a tag, by customer id ascending. */
    public Slice<CustomerSummary> tagMembers(long tagId, String cursor, int limit) {
        current.requireReady();
        tags.tag(tagId).orElseThrow(() -> new NotFoundException("tag", tagId));
        return page(index -> index.tag(tagId), cursor, limit);
    }

    private Slice<CustomerSummary> page(Function<AudienceIndex, RoaringBitmap> set, String cursor, int limit) {
        var after = cursor == null
                ? null
                : Integer.valueOf(Cursor.decode("cursor", cursor, 1).smallNumber(0));
        var index = current.index();
        var page = index.read(() -> {
            var members = set.apply(index);
            return members == null
                    ? new Page(List.<Integer>of(), 0)
                    : new Page(first(members, after, Slice.rowsToFetch(limit)), members.getLongCardinality());
        });
        return Slice.cut(page.ids(), limit, id -> Cursor.encode(id))
                .mapItems(this::summaries)
                .withTotal(page.total());
    }

    private record Page(List<Integer> ids, long total) {}

    /** A copy of the members of a segment now. */
    public RoaringBitmap membersOf(long id) {
        return current.index().segmentMembers(id);
    }

    private static List<Integer> first(RoaringBitmap members, Integer after, int limit) {
        var ids = new ArrayList<Integer>(limit);
        var iterator = members.getIntIterator();
        if (after != null) {
            var peekable = members.getIntIterator();
            peekable.advanceIfNeeded(after + 1);
            iterator = peekable;
        }
        while (iterator.hasNext() && ids.size() < limit) {
            ids.add(iterator.next());
        }
        return ids;
    }

    /** The customers behind ordinals, in their order. */
    public List<CustomerSummary> summaries(List<Integer> ordinals) {
        return profiles.summaries(ordinals.stream().map(o -> CustomerId.of(o)).toList());
    }

    public record Overlap(List<Long> segments, Map<String, Long> regions, long union) {}

    /** Sizes of every region of a Venn diagram of two or three segments, keyed by which segments (e.g. "1+3"). */
    public Overlap overlap(List<Long> ids) {
        current.requireReady();
        if (ids == null || ids.size() < 2 || ids.size() > 3) {
            throw new InvalidInputException("segments", "size", "compare two or three segments");
        }
        var sets = new ArrayList<RoaringBitmap>();
        for (var id : ids) {
            store.segment(id).orElseThrow(() -> new NotFoundException("segment", id));
            sets.add(membersOf(id));
        }
        var regions = new LinkedHashMap<String, Long>();
        for (int mask = 1; mask < (1 << ids.size()); mask++) {
            var region = current.index().live().clone();
            var name = new ArrayList<String>();
            for (int i = 0; i < ids.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    region.and(sets.get(i));
                    name.add(String.valueOf(ids.get(i)));
                } else {
                    region.andNot(sets.get(i));
                }
            }
            regions.put(String.join("+", name), (long) region.getCardinality());
        }
        var union = new RoaringBitmap();
        sets.forEach(union::or);
        return new Overlap(ids, regions, union.getCardinality());
    }

    /** The customers a request names, and the references in it that name nobody. */
    public record Named(RoaringBitmap ids, List<Violation> unknown) {}

    /**
     * The customers given by id or identity ({@code 42}, {@code email:ann@example.com}), and every customer matching a
     * definition; at least one of the two is required.
     */
    public Named named(List<String> customers, JsonNode definition) {
        var ids = new RoaringBitmap();
        var unknown = new ArrayList<Violation>();
        if (definition != null && !definition.isNull()) {
            ids.or(matching(definition));
        }
        if (customers != null) {
            if (customers.size() > 100_000) {
                throw new InvalidInputException("customers", "max-items", "at most 100000 customers per request");
            }
            for (int i = 0; i < customers.size(); i++) {
                var reference = customers.get(i);
                try {
                    var found = reference == null ? Optional.<CustomerId>empty() : profiles.find(reference);
                    if (found.isPresent()) {
                        ids.add(AudienceIndex.ordinal(found.get().value()));
                    } else {
                        unknown.add(new Violation(
                                "customers[" + i + "]", "unknown-customer", "no customer '" + reference + "'"));
                    }
                } catch (InvalidInputException e) {
                    unknown.add(new Violation("customers[" + i + "]", "identity", e.getMessage()));
                }
            }
        }
        if ((customers == null || customers.isEmpty()) && (definition == null || definition.isNull())) {
            throw new InvalidInputException("customers", "required", "name customers, or give a definition");
        }
        return new Named(ids, unknown);
    }
}
