package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceTests {

    @Test
    void aPageFetchesOneRowMoreThanItHolds() {
        assertThat(Slice.rowsToFetch(50)).isEqualTo(51);
    }

    @Test
    void aPageOfExactlyTheLimitIsTheLastPage() {
        var page = Slice.cut(List.of(30L, 20L, 10L), 3, id -> Cursor.encode(id));

        assertThat(page.items()).containsExactly(30L, 20L, 10L);
        assertThat(page.next()).isNull();
    }

    @Test
    void aRowBeyondTheLimitIsCutAndTheCursorPointsAfterTheLastRowKept() {
        var page = Slice.cut(List.of(40L, 30L, 20L, 10L), 3, id -> Cursor.encode(id));

        assertThat(page.items()).containsExactly(40L, 30L, 20L);
        assertThat(page.next()).isEqualTo(Cursor.encode(20L));
    }

    @Test
    void anEmptyListIsOneEmptyLastPage() {
        var page = Slice.cut(List.<Long>of(), 3, id -> Cursor.encode(id));

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
    }

    @Test
    void itemsMappedAllAtOnceKeepTheCursorAndTotal() {
        var page = Slice.cut(List.of(3, 2, 1), 2, id -> Cursor.encode(id))
                .mapItems(ids -> ids.stream().map(id -> "customer " + id).toList())
                .withTotal(3);

        assertThat(page.items()).containsExactly("customer 3", "customer 2");
        assertThat(page.next()).isEqualTo(Cursor.encode(2));
        assertThat(page.total()).isEqualTo(3L);
    }
}
