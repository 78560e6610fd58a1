package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.activity.ActivityLoader;
import io.siyu.audience.internal.index.CurrentIndex;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What time changes without any event: at midnight in the brand's zone, RFM is scored again, per-day figures older
 * than the retention are dropped and every definition is evaluated for everyone ("active in the last 30 days"), then
 * the day's sizes are recorded; and RFM is scored again shortly after purchases arrive, because every purchase moves
 * everyone's quintiles.
 */
@Component
public class ScheduledRefresh {

    private final CurrentIndex current;
    private final DerivedSets derivedSets;
    private final MembershipPublisher publisher;
    private final ActivityLoader activity;

    ScheduledRefresh(
            CurrentIndex current, DerivedSets derivedSets, MembershipPublisher publisher, ActivityLoader activity) {
        this.current = current;
        this.derivedSets = derivedSets;
        this.publisher = publisher;
        this.activity = activity;
    }

    @Scheduled(
            fixedDelayString = "${siyu.audience.rfm-refresh:PT1M}",
            initialDelayString = "${siyu.audience.rfm-refresh:PT1M}")
    void rfmAfterPurchases() {
        refreshRfmIfPurchased();
    }

    @Scheduled(cron = "0 0 0 * * *", zone = "${siyu.time-zone:Asia/Shanghai}")
    void midnight() {
        if (current.ready()) {
            newDay();
        }
    }

    /** Publishes day-boundary changes: called shortly after midnight in the brand's zone. */
    public void newDay() {
        var firstKept = activity.firstKept();
        derivedSets.rescoreRfm();
        var index = current.index();
        index.write(() -> index.forgetActivityBefore(firstKept));
        derivedSets.refresh(null);
        publisher.recordSizes(index, current.today());
    }

    /** Scores RFM again if purchases arrived since it was last computed; returns whether it did. */
    boolean refreshRfmIfPurchased() {
        if (!current.ready() || !activity.takePurchasesAdded()) {
            return false;
        }
        derivedSets.rescoreRfm();
        derivedSets.refresh(null);
        return true;
    }
}
