package io.siyu.messaging.internal;

import io.siyu.customers.CustomersMerged;
import io.siyu.messaging.internal.inbox.InboxStore;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.respect.ContactBudgets;
import io.siyu.messaging.internal.respect.Suppressions;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When two profiles turn out to be one person, everything messaging keeps for the absorbed one becomes the
 * survivor's: the contact budget (the messages counted against the caps), the inbox, the WeChat subscription grants,
 * the suppressions, and the ledger rows with the orders attributed to them. Done in the merge's transaction, as the
 * orders are, so that nothing is seen half moved; the budget moves first, under both profiles' locks, and notes the
 * merge, so that a merge heard again moves nothing twice (grants are added up, and would otherwise double).
 *
 * <p>WeCom tasks and push cids are kept per ledger row and follow it; provider callbacks and the sandbox outbox name no
 * customer.
 */
@Component
class ProfileMerges {

    private final ContactBudgets budgets;
    private final InboxStore inbox;
    private final SubscriptionGrants grants;
    private final Suppressions suppressions;
    private final SendLedger ledger;

    ProfileMerges(
            ContactBudgets budgets,
            InboxStore inbox,
            SubscriptionGrants grants,
            Suppressions suppressions,
            SendLedger ledger) {
        this.budgets = budgets;
        this.inbox = inbox;
        this.grants = grants;
        this.suppressions = suppressions;
        this.ledger = ledger;
    }

    @EventListener
    void on(CustomersMerged merged) {
        var absorbed = merged.absorbed();
        var survivor = merged.survivor();
        if (!budgets.move(absorbed, survivor, merged.mergedAt())) {
            return;
        }
        inbox.move(absorbed, survivor);
        grants.move(absorbed, survivor);
        suppressions.move(absorbed, survivor);
        ledger.move(absorbed, survivor);
    }
}
