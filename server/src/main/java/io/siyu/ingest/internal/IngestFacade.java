package io.siyu.ingest.internal;

import io.siyu.ingest.Ingestion;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The work behind {@link io.siyu.ingest.Ingestion}. */
@Component
public class IngestFacade {

    private final SegmentMessages messages;
    private final Inbox inbox;
    private final IngestPipeline pipeline;
    private final Clock clock;

    IngestFacade(SegmentMessages messages, Inbox inbox, IngestPipeline pipeline, Clock clock) {
        this.messages = messages;
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    public Ingestion.Report accept(List<? extends JsonNode> batch) {
        var receivedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var valid = new ArrayList<SegmentMessages.Normalized>();
        var violations = new ArrayList<Violation>();
        var rejected = 0;
        for (int i = 0; i < batch.size(); i++) {
            switch (messages.read(batch.get(i), null, receivedAt, null, null)) {
                case SegmentMessages.Outcome.Valid(var message) -> valid.add(message);
                case SegmentMessages.Outcome.Invalid(var id, var broken) -> {
                    rejected++;
                    var prefix = "[" + i + "]";
                    broken.forEach(v -> violations.add(v.at(prefix)));
                }
            }
        }
        var stored = inbox.store(valid, null, receivedAt);
        if (!stored.fresh().isEmpty()) {
            pipeline.wakeUp();
        }
        return new Ingestion.Report(stored.fresh().size(), stored.duplicates(), rejected, violations);
    }

    public int applyQueued() {
        return pipeline.drainAll();
    }

    public long queued() {
        return pipeline.queueDepth();
    }
}
