package io.siyu.customers;

import static io.siyu.customers.TouchFixtures.identify;
import static io.siyu.customers.TouchFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuModuleTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * The events the customers module publishes, with the module started on its own (and the platform it stands on).
 *
 * <p>{@code STANDALONE}: the module calls no other module's beans; it uses {@code access} only for its types (the
 * personal-data check of {@code Viewer} is static), so nothing of another module needs to run, and no listener of
 * another module (commerce moving orders, audience recording activity) takes part in what is proved here.
 */
@SiyuModuleTest
class CustomersModuleTests {

    @Autowired
    Profiles profiles;

    static String someone() {
        return "module-" + UUID.randomUUID();
    }

    @Test
    void recordingABatchPublishesTouchesRecordedWithEachTouchsProfile(AssertablePublishedEvents events) {
        var first = track("Product Viewed").userId(someone()).build();
        var second = track("Product Viewed").anonymousId(someone()).build();

        var customers = profiles.record(List.of(first, second));

        assertThat(events)
                .contains(TouchesRecorded.class)
                .matchingValue(
                        TouchesRecorded::touches,
                        List.of(
                                new TouchesRecorded.RecordedTouch(customers.get(0), first),
                                new TouchesRecorded.RecordedTouch(customers.get(1), second)));
    }

    @Test
    void aNewProfileIsNamedAsDescribed(AssertablePublishedEvents events) {
        var customer = profiles.record(
                        List.of(track("Product Viewed").userId(someone()).build()))
                .getFirst();

        assertThat(events).contains(TouchesRecorded.class).matchingValue(TouchesRecorded::described, Set.of(customer));
    }

    @Test
    void aTouchThatChangesNoTraitDescribesNoOne(AssertablePublishedEvents events) {
        var user = someone();
        profiles.record(
                List.of(identify().userId(user).traits("{\"plan\":\"gold\"}").build()));

        var visit = track("Product Viewed").userId(user).build();

        profiles.record(List.of(visit));

        assertThat(events)
                .contains(TouchesRecorded.class)
                .matching(recorded -> recorded.touches().getFirst().touch().equals(visit))
                .matchingValue(TouchesRecorded::described, Set.of());
    }

    @Test
    void aVisitorWhoSignsInPublishesCustomersMergedIntoTheAccount(AssertablePublishedEvents events) {
        var user = someone();
        var device = someone();
        var account = profiles.record(List.of(identify().userId(user).build())).getFirst();
        var visitor = profiles.record(
                        List.of(track("Product Viewed").anonymousId(device).build()))
                .getFirst();

        profiles.record(List.of(identify().userId(user).anonymousId(device).build()));

        assertThat(events)
                .contains(CustomersMerged.class)
                .matchingValue(CustomersMerged::survivor, account)
                .matchingValue(CustomersMerged::absorbed, visitor);
    }

    @Test
    void theBatchThatMergesListsTheMergeInTouchesRecorded(AssertablePublishedEvents events) {
        var user = someone();
        var device = someone();
        profiles.record(List.of(identify().userId(user).build()));
        profiles.record(List.of(track("Product Viewed").anonymousId(device).build()));

        profiles.record(List.of(identify().userId(user).anonymousId(device).build()));

        var merged = events.ofType(CustomersMerged.class).iterator().next();
        assertThat(events).contains(TouchesRecorded.class).matchingValue(TouchesRecorded::merges, List.of(merged));
    }
}
