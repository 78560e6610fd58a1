package io.siyu.customers.internal.recording;

import static io.siyu.customers.internal.identity.IdentityFixtures.graph;
import static io.siyu.customers.internal.identity.IdentityFixtures.id;
import static io.siyu.customers.internal.identity.IdentityFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.customers.TouchFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the writes of a batch count the events a merge moves. */
class BatchWriterTests {

    @Test
    void touchesMeantForAProfileTheBatchMergedCountAsMovedByTheMerge() {
        var graph = graph(
                Map.of(key("anonymous_id", "a1"), 300L, key("user_id", "u1"), 302L),
                Map.of(302L, Map.of("user_id", "u1")));
        var targets = new long[] {
            graph.resolve("m1", List.of(id("anonymous_id", "a1")), TouchFixtures.AT),
            graph.resolve("m2", List.of(id("anonymous_id", "a1")), TouchFixtures.AT),
            graph.resolve("m3", List.of(id("user_id", "u1"), id("anonymous_id", "a1")), TouchFixtures.AT)
        };

        var moved = BatchWriter.movedInBatch(new IdentityResolver.Resolution(graph, targets, List.of(), Set.of()));

        assertThat(moved).isEqualTo(Map.of(300L, 2L));
    }
}
