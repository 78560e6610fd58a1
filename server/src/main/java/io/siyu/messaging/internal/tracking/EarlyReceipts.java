package io.siyu.messaging.internal.tracking;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery reports that came before their message was settled: a provider that reports the moment it delivers (WeChat)
 * can be faster than the dispatcher writing down the message id the provider answered. Such a report is kept
 * ({@code messaging.early_receipt}) and the provider answered as for any other, and every {@link #EVERY} the reports
 * whose message has since been settled are applied as if they had come then, once. A report no message ever matches
 * (one of another system's messages on the same account) is dropped after {@link #KEPT}.
 */
@Component
class EarlyReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyReceipts.class);
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};

    /** How often kept reports are looked at. */
    static final Duration EVERY = Duration.ofSeconds(15);

    /** How long a report that matches no message is kept. */
    static final Duration KEPT = Duration.ofDays(1);

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final SendLedger ledger;
    private final DeliveryReceipts receipts;
    private final JsonMapper json;
    private final Clock clock;

    EarlyReceipts(JdbcTemplate jdbc, SendLedger ledger, DeliveryReceipts receipts, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.receipts = receipts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Keeps a report of the message the provider knows as {@code providerMessageId} sent to {@code recipientKey}:
     * delivered when {@code failure} is null. The same report pushed again is kept once.
     */
    void keep(
            String provider,
            String providerMessageId,
            String recipientKey,
            @Nullable String failure,
            Map<String, Object> failureProperties) {
        jdbc.update(
                """
                insert into messaging.early_receipt
                       (provider, provider_message_id, recipient_key, failure, failure_properties, received_at)
                values (?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing""",
                provider,
                providerMessageId,
                recipientKey,
                failure,
                json.writeValueAsString(failureProperties),
                Timestamps.of(clock.instant()));
    }

    /** What a round did: reports applied to their now settled messages, and reports dropped unmatched. */
    record Applied(int applied, int dropped) {}

    /** Applies the kept reports whose message has been settled since, and drops those kept too long. */
    @Transactional
    Applied applySettled() {
        var applied = 0;
        var kept = jdbc.queryForList("""
                select e.provider, e.provider_message_id, e.recipient_key, e.failure, e.failure_properties::text as p
                  from messaging.early_receipt e
                 where exists (select 1 from messaging.send s
                                where s.provider_message_id = e.provider_message_id and s.recipient_key = e.recipient_key
                                  and s.provider = e.provider and s.state in ('sent', 'failed'))
                 order by e.received_at limit ? for update of e skip locked""", BATCH);
        for (var report : kept) {
            var provider = (String) report.get("provider");
            var messageId = (String) report.get("provider_message_id");
            var recipientKey = (String) report.get("recipient_key");
            var rows = ledger.sentAs(provider, messageId, recipientKey);
            applied += receipts.settle(
                    rows, (String) report.get("failure"), json.readValue((String) report.get("p"), PROPERTIES));
            jdbc.update("""
                    delete from messaging.early_receipt
                     where provider = ? and provider_message_id = ? and recipient_key = ?""", provider, messageId, recipientKey);
        }
        var dropped = jdbc.update(
                "delete from messaging.early_receipt where received_at < ?",
                Timestamps.of(clock.instant().minus(KEPT)));
        if (dropped > 0) {
            LOG.info("{} delivery reports matched no message of Siyu's within a day and were dropped", dropped);
        }
        return new Applied(applied, dropped);
    }

    /** Looks at the kept reports on one node at a time. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {
        @Bean
        RecurringTask<Void> messagingEarlyReceipts(EarlyReceipts early) {
            return Tasks.recurring("messaging-early-receipts", Schedules.fixedDelay(EVERY))
                    .execute((instance, context) -> early.applySettled());
        }
    }
}
