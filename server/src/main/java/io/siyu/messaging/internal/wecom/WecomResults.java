package io.siyu.messaging.internal.wecom;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.tracking.TrackingEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows WeCom tasks to their outcome ({@code get_groupmsg_send_result} for the task's staff member) and records it on
 * the customer's timeline: {@code WeCom Message Sent} when the staff member sent it (status 1), {@code WeCom Message Not
 * Sent} with the reason when WeCom did not send it ({@code not-friend}, status 2; {@code limit}, status 3: the customer
 * already received the mass messages WeCom allows them), when it was cancelled, or when nobody confirmed it within
 * {@code result-timeout} (then the task is cancelled: {@code expired}). A task still waiting after {@code remind-after}
 * is reminded once ({@code remind_groupmsg_send}). A task is settled once: the event of a task checked twice is
 * recorded once, and its message id is the ledger row's, so ingestion keeps one.
 */
@Component
public class WecomResults {

    private static final Logger LOG = LoggerFactory.getLogger(WecomResults.class);
    private static final int BATCH = 200;

    private final ProviderSettings settings;
    private final WecomClient client;
    private final WecomTasks tasks;
    private final TrackingEvents events;
    private final Profiles profiles;
    private final Clock clock;

    WecomResults(
            ProviderSettings settings,
            WecomClient client,
            WecomTasks tasks,
            TrackingEvents events,
            Profiles profiles,
            Clock clock) {
        this.settings = settings;
        this.client = client;
        this.tasks = tasks;
        this.events = events;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Asks for the outcome of every open task that is due; answers how many were settled. */
    public int check() {
        if (!settings.wecom().configured()) {
            return 0;
        }
        var settled = 0;
        for (var task : tasks.due(clock.instant(), BATCH)) {
            try {
                settled += check(task) ? 1 : 0;
            } catch (WecomClient.Refused | WecomClient.Unreachable e) {
                LOG.warn(
                        "the outcome of WeCom task for message {} is unknown for now: {}",
                        task.sendId(),
                        e.getMessage());
                tasks.checkAgain(
                        task.sendId(), clock.instant().plus(settings.wecom().pollEvery()));
            }
        }
        return settled;
    }

    private boolean check(WecomTasks.Task task) throws WecomClient.Refused, WecomClient.Unreachable {
        var status = status(task);
        var now = clock.instant();
        switch (status) {
            case 1 -> {
                return settle(task, "sent", null, now);
            }
            case 2 -> {
                return settle(task, "not-friend", "not-friend", now);
            }
            case 3 -> {
                return settle(task, "limit", "limit", now);
            }
            default -> {
                if (!now.isBefore(task.createdAt().plus(settings.wecom().resultTimeout()))) {
                    cancelAtWecom(task);
                    return settle(task, "expired", "expired", now);
                }
                if (task.remindedAt() == null
                        && !now.isBefore(task.createdAt().plus(settings.wecom().remindAfter()))) {
                    client.post("/cgi-bin/externalcontact/remind_groupmsg_send", Map.of("msgid", task.msgid()));
                    tasks.reminded(task.sendId(), now);
                }
                tasks.checkAgain(task.sendId(), now.plus(settings.wecom().pollEvery()));
                return false;
            }
        }
    }

    /**
     * Cancels the message queued for a reason: withdrawn from the ledger while no dispatcher has taken it, else its task
     * cancelled at WeCom if still open and recorded as not sent ({@code cancelled}). Answers whether this call stopped
     * it (false when it had an outcome already, or is no WeCom message). Always in a transaction of its own: it is
     * called once a journey step's transaction has committed, whose connection would otherwise take its writes.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean cancelFor(String reason) {
        if (tasks.withdrawQueued(reason)) {
            return true;
        }
        var task = tasks.ofReason(reason).orElse(null);
        if (task == null || task.outcome() != null) {
            return false;
        }
        try {
            if (status(task) == 1) {
                return settle(task, "sent", null, clock.instant());
            }
            cancelAtWecom(task);
        } catch (WecomClient.Refused | WecomClient.Unreachable e) {
            LOG.warn("WeCom task for message {} could not be cancelled: {}", task.sendId(), e.getMessage());
        }
        return settle(task, "cancelled", "cancelled", clock.instant());
    }

    private void cancelAtWecom(WecomTasks.Task task) throws WecomClient.Refused, WecomClient.Unreachable {
        client.post("/cgi-bin/externalcontact/cancel_groupmsg_send", Map.of("msgid", task.msgid()));
    }

    /** The task's status for its customer: 0 not sent yet, 1 sent, 2 not a friend, 3 the customer's limit reached. */
    private int status(WecomTasks.Task task) throws WecomClient.Refused, WecomClient.Unreachable {
        String cursor = "";
        do {
            var body = new LinkedHashMap<String, Object>();
            body.put("msgid", task.msgid());
            body.put("userid", task.sender());
            body.put("limit", 1000);
            if (!cursor.isEmpty()) {
                body.put("cursor", cursor);
            }
            var answer = client.post("/cgi-bin/externalcontact/get_groupmsg_send_result", body);
            for (var entry : answer.path("send_list")) {
                if (entry.path("external_userid").asString("").equals(task.externalUserid())) {
                    return entry.path("status").asInt(0);
                }
            }
            cursor = answer.path("next_cursor").asString("");
        } while (!cursor.isEmpty());
        return 0;
    }

    private boolean settle(WecomTasks.Task task, String outcome, @Nullable String reason, Instant now) {
        if (!tasks.settle(task.sendId(), outcome, now)) {
            return false;
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("send_id", task.sendId());
        // the business reason the message was queued for: a journey waiting for this message's outcome knows it by this
        properties.put("send_reason", task.reason());
        properties.put("channel", Channel.WECOM.category());
        properties.put("sender", task.sender());
        if (reason != null) {
            properties.put("reason", reason);
        }
        var customer = profiles.live(CustomerId.of(task.customerId()))
                .flatMap(live -> profiles.contactPoints(List.of(live)).stream().findFirst());
        if (customer.isEmpty()) {
            return true;
        }
        events.record(List.of(new TrackingEvents.Event(
                "siyu-wecom-" + task.sendId(),
                customer.get().addressedAs(),
                reason == null ? TrackingEvents.WECOM_SENT : TrackingEvents.WECOM_NOT_SENT,
                now,
                properties,
                null)));
        return true;
    }

    /**
     * Asks for outcomes on one node at a time, every {@code poll-every} in force: a poll interval saved in the console
     * holds once the poll already due has run.
     */
    @Configuration(proxyBeanMethods = false)
    static class Polling {
        @Bean
        RecurringTask<Void> messagingWecomResults(WecomResults results, ProviderSettings settings) {
            return Tasks.recurring("messaging-wecom-results", new PollEvery(settings))
                    .execute((instance, context) -> results.check());
        }
    }

    /** The first poll at once, as on a fixed delay; the delay after each poll the poll interval in force as it ends. */
    record PollEvery(ProviderSettings settings) implements Schedule {

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now;
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete complete) {
            return complete.getTimeDone().plus(settings.wecom().pollEvery());
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
