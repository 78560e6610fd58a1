package io.siyu.customers.internal.identity;

import static io.siyu.customers.internal.identity.IdentityFixtures.graph;
import static io.siyu.customers.internal.identity.IdentityFixtures.id;
import static io.siyu.customers.internal.identity.IdentityFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityGraphTests {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void unknownIdentifiersCreateOneProfileAndAttachToIt() {
        var graph = graph(Map.of(), Map.of());

        var customer = graph.resolve("m1", List.of(id("user_id", "u1"), id("anonymous_id", "a1")), NOW);

        assertThat(graph.created()).containsExactly(customer);
        assertThat(graph.links()).extracting(IdentityGraph.Link::customerId).containsOnly(customer);
        assertThat(graph.merges()).isEmpty();
    }

    @Test
    void anAnonymousVisitorWhoSignsInMergesIntoTheAccount() {
        var graph = graph(
                Map.of(key("user_id", "u1"), 500L, key("anonymous_id", "a2"), 800L),
                Map.of(500L, Map.of("user_id", "u1")));

        var customer = graph.resolve("m1", List.of(id("user_id", "u1"), id("anonymous_id", "a2")), NOW);

        assertThat(customer).isEqualTo(500L);
        assertThat(graph.merges()).singleElement().satisfies(merge -> {
            assertThat(merge.survivor()).isEqualTo(500L);
            assertThat(merge.absorbed()).isEqualTo(800L);
            assertThat(merge.linkedByType()).isEqualTo("anonymous_id");
        });
        assertThat(graph.find(800L)).isEqualTo(500L);
    }

    /** A second account signs in on a device the first account's profile holds. */
    static IdentityGraph sharedDevice() {
        return graph(
                Map.of(key("user_id", "u1"), 500L, key("anonymous_id", "shared"), 500L),
                Map.of(500L, Map.of("user_id", "u1")));
    }

    @Test
    void twoAccountsOnOneDeviceStayTwoPeople() {
        var graph = sharedDevice();

        var customer = graph.resolve("m1", List.of(id("user_id", "u2"), id("anonymous_id", "shared")), NOW);

        assertThat(customer).isNotEqualTo(500L);
        assertThat(graph.created()).containsExactly(customer);
        assertThat(graph.merges()).isEmpty();
    }

    @Test
    void theSecondAccountOnADeviceRecordsTheRefusedLinkOnItsProfile() {
        var graph = sharedDevice();

        var customer = graph.resolve("m1", List.of(id("user_id", "u2"), id("anonymous_id", "shared")), NOW);

        assertThat(graph.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.identityType()).isEqualTo("user_id");
            assertThat(c.customerId()).isEqualTo(customer);
            assertThat(c.otherCustomerId()).isEqualTo(500L);
        });
    }

    @Test
    void aSharedDeviceStaysWithTheProfileThatHadItFirst() {
        var graph = sharedDevice();

        graph.resolve("m1", List.of(id("user_id", "u2"), id("anonymous_id", "shared")), NOW);

        assertThat(graph.links()).extracting(l -> l.key().type()).containsExactly("user_id");
    }

    @Test
    void aDevicesPushRegistrationIdMovesToTheAccountNowSignedInOnIt() {
        var graph = graph(
                Map.of(key("user_id", "u1"), 500L, key("jpush_registration_id", "1a0018970a5e2b6"), 500L),
                Map.of(500L, Map.of("user_id", "u1")));

        var customer =
                graph.resolve("m1", List.of(id("user_id", "u2"), id("jpush_registration_id", "1a0018970a5e2b6")), NOW);

        assertThat(customer).isNotEqualTo(500L);
        assertThat(graph.merges()).isEmpty();
        assertThat(graph.handovers()).singleElement().satisfies(h -> {
            assertThat(h.key()).isEqualTo(key("jpush_registration_id", "1a0018970a5e2b6"));
            assertThat(h.from()).isEqualTo(500L);
            assertThat(h.to()).isEqualTo(customer);
        });
        assertThat(graph.conflicts())
                .anySatisfy(c -> assertThat(c.reason()).contains("moved to the profile now using it"));
        // the next message from the device, naming no account, goes to the account that has it now
        assertThat(graph.resolve("m2", List.of(id("jpush_registration_id", "1a0018970a5e2b6")), NOW))
                .isEqualTo(customer);
    }

    @Test
    void aVisitorsRegistrationIdGoesWithTheVisitorIntoTheAccountWithoutAHandover() {
        var graph = graph(
                Map.of(key("user_id", "u1"), 500L, key("jpush_registration_id", "1a0018970a5e2b6"), 800L),
                Map.of(500L, Map.of("user_id", "u1")));

        var customer =
                graph.resolve("m1", List.of(id("user_id", "u1"), id("jpush_registration_id", "1a0018970a5e2b6")), NOW);

        assertThat(customer).isEqualTo(500L);
        assertThat(graph.merges())
                .singleElement()
                .satisfies(m -> assertThat(m.absorbed()).isEqualTo(800L));
        assertThat(graph.handovers()).isEmpty();
    }

    /** A message names one account's user id and a phone that another account's profile holds. */
    static IdentityGraph phoneOfAnotherAccount() {
        return graph(
                Map.of(key("user_id", "u1"), 500L, key("phone", "+8613800000000"), 600L),
                Map.of(500L, Map.of("user_id", "u1"), 600L, Map.of("user_id", "u9")));
    }

    @Test
    void twoProfilesWithDifferentUserIdsNeverMergeThroughAPhone() {
        var graph = phoneOfAnotherAccount();

        var customer = graph.resolve("m1", List.of(id("user_id", "u1"), id("phone", "+8613800000000")), NOW);

        assertThat(customer).isEqualTo(500L);
        assertThat(graph.merges()).isEmpty();
    }

    @Test
    void aMergeThatWouldGiveOneProfileTwoUserIdsIsRecordedAsAConflict() {
        var graph = phoneOfAnotherAccount();

        graph.resolve("m1", List.of(id("user_id", "u1"), id("phone", "+8613800000000")), NOW);

        assertThat(graph.conflicts()).hasSize(1);
    }

    @Test
    void chainsOfMergesInOneBatchResolveToTheFinalSurvivor() {
        var owners = new HashMap<IdentityGraph.StoredKey, Long>();
        owners.put(key("anonymous_id", "a1"), 300L);
        owners.put(key("anonymous_id", "a2"), 301L);
        owners.put(key("user_id", "u1"), 302L);
        var graph = graph(owners, Map.of(302L, Map.of("user_id", "u1")));

        var first = graph.resolve("m1", List.of(id("anonymous_id", "a1"), id("anonymous_id", "a2")), NOW);
        var second = graph.resolve("m2", List.of(id("user_id", "u1"), id("anonymous_id", "a1")), NOW);

        assertThat(first).isEqualTo(300L);
        assertThat(second).isEqualTo(302L);
        assertThat(graph.find(300L)).isEqualTo(302L);
        assertThat(graph.find(301L)).isEqualTo(302L);
        assertThat(graph.merges()).hasSize(2);
    }

    @Test
    void largeIdsAreComparedByValue() {
        // ids above 127 are not shared boxes: comparing them by reference once merged a profile into itself
        var graph = graph(
                Map.of(key("user_id", "u1"), 100_000L, key("anonymous_id", "a1"), 100_000L),
                Map.of(100_000L, Map.of("user_id", "u1")));

        var customer = graph.resolve("m1", List.of(id("user_id", "u1"), id("anonymous_id", "a1")), NOW);

        assertThat(customer).isEqualTo(100_000L);
        assertThat(graph.merges()).isEmpty();
        assertThat(graph.find(100_000L)).isEqualTo(100_000L);
    }
}
