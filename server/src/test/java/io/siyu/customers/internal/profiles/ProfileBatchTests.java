package io.siyu.customers.internal.profiles;

import static io.siyu.customers.TouchFixtures.identify;
import static io.siyu.customers.TouchFixtures.track;
import static io.siyu.customers.internal.identity.IdentityFixtures.graph;
import static io.siyu.customers.internal.identity.IdentityFixtures.id;
import static io.siyu.customers.internal.identity.IdentityFixtures.key;
import static io.siyu.customers.internal.profiles.ProfileFixtures.storedProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.customers.CustomerId;
import io.siyu.customers.TouchFixtures;
import io.siyu.customers.internal.identity.IdentityGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profiles of a batch in memory: created and merged as the identity graph decided, then touched. */
class ProfileBatchTests {

    /** Stored profiles 300 and 301 (two devices) and 302 (an account), loaded for a batch. */
    static Map<Long, ProfileState> loaded() {
        var loaded = new HashMap<Long, ProfileState>();
        for (long id = 300; id <= 302; id++) {
            loaded.put(id, storedProfile(id));
        }
        return loaded;
    }

    /** A batch in which device 301 merges into device 300, and then device 300 into the account 302. */
    static IdentityGraph chainOfMerges() {
        var graph = graph(
                Map.of(
                        key("anonymous_id", "a1"), 300L,
                        key("anonymous_id", "a2"), 301L,
                        key("user_id", "u1"), 302L),
                Map.of(302L, Map.of("user_id", "u1")));
        graph.resolve("m1", List.of(id("anonymous_id", "a1"), id("anonymous_id", "a2")), TouchFixtures.AT);
        graph.resolve("m2", List.of(id("user_id", "u1"), id("anonymous_id", "a1")), TouchFixtures.AT);
        return graph;
    }

    @Test
    void aProfileAbsorbedByOneAbsorbedLaterPointsAtTheFinalSurvivor() {
        var loaded = loaded();

        ProfileBatch.of(loaded, chainOfMerges(), TouchFixtures.AT);

        assertThat(loaded.get(301L).mergedInto).isEqualTo(302L);
        assertThat(loaded.get(300L).mergedInto).isEqualTo(302L);
    }

    @Test
    void aMergeIsDatedByTheMessageThatMadeIt() {
        var loaded = loaded();

        ProfileBatch.of(loaded, chainOfMerges(), TouchFixtures.AT);

        assertThat(loaded.get(301L).mergedAt).isEqualTo(TouchFixtures.AT);
    }

    @Test
    void theProfilesTheGraphCreatedAreTheBatchsNewOnes() {
        var graph = graph(Map.of(), Map.of());
        var customer = graph.resolve("m1", List.of(id("user_id", "u1")), TouchFixtures.AT);

        var batch = ProfileBatch.of(new HashMap<>(), graph, TouchFixtures.AT);

        assertThat(batch.created()).extracting(state -> state.id).containsExactly(customer);
    }

    @Test
    void aNewProfileIsDescribedEvenWithoutTraits() {
        var graph = graph(Map.of(), Map.of());
        var customer = graph.resolve("m1", List.of(id("user_id", "u1")), TouchFixtures.AT);

        var batch = ProfileBatch.of(new HashMap<>(), graph, TouchFixtures.AT);

        assertThat(batch.described()).containsExactly(CustomerId.of(customer));
    }

    @Test
    void aStoredProfileThatNoTouchChangedIsNotDescribed() {
        var graph = graph(Map.of(key("user_id", "u1"), 500L), Map.of(500L, Map.of("user_id", "u1")));
        graph.resolve("m1", List.of(id("user_id", "u1")), TouchFixtures.AT);
        var batch = ProfileBatch.of(new HashMap<>(Map.of(500L, storedProfile(500))), graph, TouchFixtures.AT);

        batch.apply(track("Viewed").build(), 500L);

        assertThat(batch.described()).isEmpty();
    }

    @Test
    void aMergedProfilesChangesDescribeItsSurvivor() {
        var batch = ProfileBatch.of(loaded(), chainOfMerges(), TouchFixtures.AT);

        batch.get(301L).apply(identify().traits("{\"plan\":\"gold\"}").build());

        assertThat(batch.described()).containsExactly(CustomerId.of(302));
    }

    @Test
    void consentChangesAreRecordedOnTheProfileThatHoldsThemInTheEnd() {
        var batch = ProfileBatch.of(loaded(), chainOfMerges(), TouchFixtures.AT);

        batch.get(301L).apply(track("Consent").consent("{\"sms\":true}").build());

        assertThat(batch.consentChanges())
                .extracting(ProfileStore.ConsentRow::customerId)
                .containsExactly(302L);
    }
}
