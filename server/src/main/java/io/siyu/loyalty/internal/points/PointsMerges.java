package io.siyu.loyalty.internal.points;

import io.siyu.customers.CustomersMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When two profiles turn out to be one person, the absorbed profile's unspent points become the survivor's, in the
 * merge's own transaction, so that nothing is seen half moved ({@link PointsLedger#merge}).
 */
@Component
class PointsMerges {

    private final PointsLedger ledger;

    PointsMerges(PointsLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(CustomersMerged merged) {
        ledger.merge(merged.absorbed(), merged.survivor(), merged.mergedAt());
    }
}
