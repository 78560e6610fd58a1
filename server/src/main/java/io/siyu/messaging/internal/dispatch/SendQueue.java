package io.siyu.messaging.internal.dispatch;

import io.siyu.messaging.Messages;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.shared.AfterCommit;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Queues messages into the ledger in the caller's transaction, and wakes the dispatcher once it commits. */
@Component
public class SendQueue {

    private final SendLedger ledger;
    private final Dispatcher dispatcher;

    SendQueue(SendLedger ledger, Dispatcher dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    public List<Messages.Queued> enqueue(List<SendLedger.NewSend> sends, Instant now) {
        var queued = ledger.enqueue(sends, now);
        AfterCommit.run(dispatcher::wake);
        return queued;
    }
}
