package io.siyu.ingest.internal.messages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingestion.
 *
 * @param batchSize how many queued messages the pipeline applies per transaction
 * @param idlePollMillis how long the pipeline waits for a wake-up when the queue is empty
 * @param pipelineEnabled whether this node applies queued messages (all nodes accept messages)
 * @param lingerMillis how long the pipeline lets messages gather when it is not behind
 * @param clockSkewTolerance how far a sender's clock may be from Siyu's before its timestamps are corrected (see
 *     {@link SegmentMessages})
 * @param rejectedRetention how long rejected messages are kept for operators to inspect
 */
@ConfigurationProperties("siyu.ingest")
public record IngestProperties(
        @DefaultValue("2000") int batchSize,
        @DefaultValue("200") long idlePollMillis,
        @DefaultValue("true") boolean pipelineEnabled,
        @DefaultValue("50") long lingerMillis,
        @DefaultValue("30s") Duration clockSkewTolerance,
        @DefaultValue("7d") Duration rejectedRetention) {

    public IngestProperties {
        if (clockSkewTolerance.isNegative()) {
            throw new IllegalArgumentException("siyu.ingest.clock-skew-tolerance must not be negative");
        }
        if (rejectedRetention.isNegative() || rejectedRetention.isZero()) {
            throw new IllegalArgumentException("siyu.ingest.rejected-retention must be positive");
        }
    }
}
