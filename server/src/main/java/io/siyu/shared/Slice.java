package io.siyu.shared;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list: the items and the opaque cursor of the next page, {@code null} on the last.
 *
 * <p>Every keyset page is made the same way: fetch {@link #rowsToFetch one row more} than the page holds and
 * {@link #cut cut} it off, so that the extra row says whether another page follows without counting the list, and the
 * next cursor comes from the last row kept. Written once here, no list can hand out a cursor on its last page or skip
 * the row after a full one.
 *
 * @param total the number of items in the whole list when it is cheap to know, else {@code null}
 */
public record Slice<T>(
        List<T> items, @Nullable String next, @Nullable Long total) {

    public static <T> Slice<T> of(List<T> items, String next) {
        return new Slice<>(items, next, null);
    }

    /** How many rows to fetch for a page of {@code limit}: one more, to learn whether a next page exists. */
    public static int rowsToFetch(int limit) {
        return limit + 1;
    }

    /**
     * The page of the first {@code limit} of {@code rows} (fetched with {@link #rowsToFetch}), with the cursor of its last
     * row when a row was left over, else none.
     */
    public static <T> Slice<T> cut(List<T> rows, int limit, Function<? super T, String> cursorOf) {
        if (rows.size() <= limit) {
            return of(rows, null);
        }
        var page = rows.subList(0, limit);
        return of(page, cursorOf.apply(page.getLast()));
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), next, total);
    }

    /** The same page with its items turned into others all at once, for a mapping that loads them in one query. */
    public <R> Slice<R> mapItems(Function<List<T>, List<R>> mapper) {
        return new Slice<>(mapper.apply(items), next, total);
    }

    public Slice<T> withTotal(long total) {
        return new Slice<>(items, next, total);
    }
}
