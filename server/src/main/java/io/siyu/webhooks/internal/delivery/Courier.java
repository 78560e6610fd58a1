package io.siyu.webhooks.internal.delivery;

import io.siyu.shared.Drain;
import io.siyu.webhooks.internal.WebhooksProperties;
import io.siyu.webhooks.internal.endpoints.Endpoints;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. A pass claims a batch, makes every attempt of it at once (each on its own virtual
 * thread, so one slow receiver holds up only its own deliveries) and settles it; {@link #drain} runs passes on several
 * workers until nothing is due, one drain in a process at a time.
 */
@Component
public class Courier {

    private static final Logger LOG = LoggerFactory.getLogger(Courier.class);

    private final WebhookOutbox outbox;
    private final Endpoints endpoints;
    private final Sender sender;
    private final WebhooksProperties properties;
    private final Clock clock;
    private final Drain drain = new Drain("siyu-webhooks-wake", this::sendAllDue);

    Courier(WebhookOutbox outbox, Endpoints endpoints, Sender sender, WebhooksProperties properties, Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends everything due now; answers how many deliveries were settled. */
    public int drain() {
        return drain.run();
    }

    /** Asks for a drain soon, without waiting for it. */
    public void wake() {
        drain.wake();
    }

    /** Queues again what a dead sender left claimed; answers how many. */
    public int requeueAbandoned() {
        var requeued = outbox.requeueAbandoned(clock.instant(), properties.inFlightTimeout());
        if (requeued > 0) {
            LOG.warn("{} webhook deliveries claimed by a sender that did not finish are queued again", requeued);
        }
        return requeued;
    }

    /** Queues a failed or parked delivery again and sends it soon; see {@link WebhookOutbox#redeliver}. */
    public WebhookOutbox.WebhookDelivery redeliver(long endpointId, long deliveryId) {
        var row = outbox.redeliver(endpointId, deliveryId, clock.instant());
        wake();
        return row;
    }

    /** Runs passes on every worker until none finds anything due; answers how many rows they claimed. */
    private int sendAllDue() {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var workers = IntStream.range(0, Math.max(1, properties.workers()))
                    .mapToObj(worker -> executor.submit(() -> {
                        var claimed = 0;
                        var batch = pass(clock.instant());
                        while (batch > 0) {
                            claimed += batch;
                            batch = pass(clock.instant());
                        }
                        return claimed;
                    }))
                    .toList();
            return workers.stream().mapToInt(Courier::claimedBy).sum();
        }
    }

    private static int claimedBy(Future<Integer> worker) {
        try {
            return worker.get();
        } catch (ExecutionException e) {
            LOG.error(
                    "A webhook sender failed; what it claimed is queued again after the in-flight timeout",
                    e.getCause());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** One batch due at {@code now}: claim, send, settle. Answers how many rows were claimed. */
    int pass(Instant now) {
        var claimed = outbox.claim(properties.batch(), now);
        if (claimed.isEmpty()) {
            return 0;
        }
        var targets = endpoints
                .targets(claimed.stream().map(WebhookOutbox.Claimed::endpointId).collect(Collectors.toSet()), now)
                .stream()
                .collect(Collectors.toMap(Endpoints.Target::id, Function.identity()));
        var settlements = new ArrayList<WebhookOutbox.Settlement>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var attempts = new ArrayList<Future<WebhookOutbox.Settlement>>();
            for (var row : claimed) {
                var target = targets.get(row.endpointId());
                if (target == null) {
                    // disabled since the claim: back to the queue until it is enabled again
                    settlements.add(new WebhookOutbox.Settlement(
                            row.id(), DeliveryStatus.QUEUED, now, null, "the endpoint is disabled", null));
                    continue;
                }
                attempts.add(executor.submit(() -> settlement(row, sender.send(target, row), now)));
            }
            for (var attempt : attempts) {
                settlements.add(attempt.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a webhook attempt failed unexpectedly", e.getCause());
        }
        outbox.settle(settlements, now);
        return claimed.size();
    }

    private WebhookOutbox.Settlement settlement(WebhookOutbox.Claimed row, Sender.Attempt attempt, Instant now) {
        var verdict = attempt.verdict();
        return switch (verdict.kind()) {
            case DELIVERED ->
                new WebhookOutbox.Settlement(
                        row.id(), DeliveryStatus.DELIVERED, null, verdict.statusCode(), null, attempt.excerpt());
            case FAILED ->
                new WebhookOutbox.Settlement(
                        row.id(),
                        DeliveryStatus.FAILED,
                        null,
                        verdict.statusCode(),
                        verdict.detail(),
                        attempt.excerpt());
            case RETRY -> {
                var next = Retries.next(
                        row.attempts(), properties.maxAttempts(), properties.firstRetry(), verdict.retryAfter(), now);
                yield next.isEmpty()
                        ? new WebhookOutbox.Settlement(
                                row.id(),
                                DeliveryStatus.PARKED,
                                null,
                                verdict.statusCode(),
                                "gave up after " + row.attempts() + " attempts: " + verdict.detail(),
                                attempt.excerpt())
                        : new WebhookOutbox.Settlement(
                                row.id(),
                                DeliveryStatus.QUEUED,
                                next.get(),
                                verdict.statusCode(),
                                "attempt " + row.attempts() + " failed: " + verdict.detail(),
                                attempt.excerpt());
            }
        };
    }
}
