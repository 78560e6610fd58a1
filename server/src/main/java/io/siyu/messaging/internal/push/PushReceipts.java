package io.siyu.messaging.internal.push;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.tracking.Engagement;
import io.siyu.messaging.internal.tracking.TrackingEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Delivery receipts of app push: JPush does not call back, so every {@code every} the pushes it accepted within the
 * last {@code window} that no receipt has settled are asked about, 100 msg_ids a call ({@link JpushReports}), and those
 * a device received on any platform are noted delivered, with {@code Push Notification Delivered} on the customer's
 * timeline, once. A push no device has received yet is asked again at the next poll, until it leaves the window; then
 * it stays sent. What is asked about comes from the ledger, so a poll that fails or stops half-way loses nothing.
 *
 * <p>The poll never stands in sending's way: it makes at most {@link #MAX_CALLS} calls (the next poll goes on from
 * where it stopped, then starts again from the oldest), stops when JPush's rate limit is near (fewer than
 * {@link JpushReports#RESERVE} calls left) and waits for JPush's window to reset, after trouble on JPush's side (5xx,
 * no answer) it waits twice as long each time (up to an hour), and credentials or a request JPush refuses stop the
 * poll with the reason logged, until the next.
 */
@Component
class PushReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(PushReceipts.class);
    private static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    /** The most calls one poll makes (5,000 pushes): the rest of a bigger backlog is the next poll's. */
    static final int MAX_CALLS = 50;

    private final SendLedger ledger;
    private final JpushReports reports;
    private final Engagement engagement;
    private final PushReceiptSettings settings;
    private final Clock clock;

    /** No poll before this moment (JPush's rate limit, or trouble at JPush); this node's only. */
    private volatile Instant resumeAt = Instant.MIN;

    private volatile int troubles;

    /** The ledger row after which the next poll goes on, when the last one stopped before the end; this node's only. */
    private volatile long cursor;

    PushReceipts(
            SendLedger ledger, JpushReports reports, Engagement engagement, PushReceiptSettings settings, Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.engagement = engagement;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What one poll did: the msg_ids it asked JPush about, the messages it noted delivered, and why it stopped before
     * asking about every awaiting push (null when it did not).
     */
    public record Polled(int asked, int delivered, @Nullable String stopped) {}

    /**
     * Asks JPush about the awaiting pushes of the window, from where the last poll stopped, and notes those received
     * delivered.
     */
    public Polled poll() {
        if (!reports.configured()) {
            return new Polled(0, 0, "push is not configured");
        }
        var now = clock.instant();
        if (now.isBefore(resumeAt)) {
            return new Polled(0, 0, "waiting until " + resumeAt);
        }
        var since = now.minus(settings.boundedWindow());
        var asked = 0;
        var delivered = 0;
        for (var calls = 0; calls < MAX_CALLS; calls++) {
            var awaiting =
                    ledger.awaitingReceipt(Channel.PUSH, JpushProvider.NAME, since, cursor, JpushReports.MAX_MSG_IDS);
            if (awaiting.isEmpty()) {
                cursor = 0;
                return new Polled(asked, delivered, null);
            }
            var msgIds = new LinkedHashSet<String>();
            awaiting.forEach(a -> msgIds.add(a.providerMessageId()));
            var report = reports.received(java.util.List.copyOf(msgIds));
            if (!report.answered()) {
                return stopped(asked, delivered, report);
            }
            troubles = 0;
            cursor = awaiting.getLast().recipient().id();
            asked += msgIds.size();
            var received = awaiting.stream()
                    .filter(a -> report.received().contains(a.providerMessageId()))
                    .map(SendLedger.Awaiting::recipient)
                    .toList();
            if (!received.isEmpty()) {
                delivered += engagement.delivered(received, TrackingEvents.delivered(Channel.PUSH));
            }
            if (report.waitFor() != null) {
                resumeAt = clock.instant().plus(report.waitFor());
                LOG.info("JPush's rate limit is near: receipts are asked again after {}", resumeAt);
                return new Polled(asked, delivered, "JPush's rate limit is near");
            }
        }
        return new Polled(asked, delivered, MAX_CALLS + " calls made; the next poll goes on");
    }

    private Polled stopped(int asked, int delivered, JpushReports.Report report) {
        if (report.waitFor() != null) {
            resumeAt = clock.instant().plus(report.waitFor());
            LOG.info("{}: push receipts are asked again after {}", report.failure(), resumeAt);
        } else if (report.refused()) {
            LOG.warn("JPush refused to report receipts; pushes stay sent until it answers: {}", report.failure());
        } else {
            troubles = Math.min(troubles + 1, 16);
            var backOff = settings.every().multipliedBy(1L << Math.min(troubles - 1, 10));
            resumeAt = clock.instant().plus(backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff);
            LOG.warn("{}: push receipts are asked again after {}", report.failure(), resumeAt);
        }
        return new Polled(asked, delivered, report.failure());
    }

    /** Polls on one node at a time, every {@code every} (at least a minute). */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> messagingPushReceipts(PushReceipts receipts, PushReceiptSettings settings) {
            var every = settings.every().compareTo(PushReceiptSettings.MIN_EVERY) < 0
                    ? PushReceiptSettings.MIN_EVERY
                    : settings.every();
            return Tasks.recurring("messaging-push-receipts", Schedules.fixedDelay(every))
                    .execute((instance, context) -> receipts.poll());
        }
    }
}
