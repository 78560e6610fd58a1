package io.siyu.messaging.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.customers.CustomerId;
import io.siyu.messaging.Messages;
import io.siyu.messaging.internal.MessagingFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Dispatchers claiming at once never share a message: every due row is claimed exactly once. */
@SiyuIntegrationTest
class SendLedgerClaimTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    Messages messages;

    @Autowired
    SendLedger ledger;

    @Test
    void concurrentClaimsAreDisjointAndCoverEveryDueRow() throws Exception {
        var fixtures = new MessagingFixtures(siyu);
        var customer = CustomerId.of(fixtures.customer(MessagingFixtures.freshAddress(), "Claim", "{\"email\":true}"));
        var template = fixtures.template("transactional", "Claim", null, "Claim");
        // due far in the future, so only the claims below (with a clock of their own) find them
        var due = Instant.parse("2999-01-01T00:00:00Z");
        var run = UUID.randomUUID();
        var requests = new ArrayList<Messages.SendRequest>();
        for (int i = 0; i < 300; i++) {
            requests.add(new Messages.SendRequest("claim-" + run + "-" + i, "test", customer, template, Map.of(), due));
        }
        var queued =
                messages.enqueue(requests).stream().map(Messages.Queued::sendId).toList();
        var start = new CountDownLatch(1);
        Callable<List<Long>> claimer = () -> {
            start.await();
            var mine = new ArrayList<Long>();
            for (var batch = ledger.claim(7, due); !batch.isEmpty(); batch = ledger.claim(7, due)) {
                batch.forEach(row -> mine.add(row.id()));
            }
            return mine;
        };
        var claimed = new ArrayList<Long>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var futures =
                    List.of(pool.submit(claimer), pool.submit(claimer), pool.submit(claimer), pool.submit(claimer));
            start.countDown();
            for (var future : futures) {
                claimed.addAll(future.get());
            }
        }

        var ours = claimed.stream().filter(queued::contains).toList();
        assertThat(ours).hasSize(300);
        assertThat(new HashSet<>(ours)).hasSize(300);
    }
}
