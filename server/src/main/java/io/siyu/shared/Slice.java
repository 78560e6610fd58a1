package io.siyu.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: the items and the opaque cursor of the next page, {@code null} on the last.
 *
 * @param total the number of items in the whole list when it is cheap to know, else {@code null}
 */
public record Slice<T>(List<T> items, String next, Long total) {

    public static <T> Slice<T> of(List<T> items, String next) {
        return new Slice<>(items, next, null);
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), next, total);
    }

    public Slice<T> withTotal(long total) {
        return new Slice<>(items, next, total);
    }
}
