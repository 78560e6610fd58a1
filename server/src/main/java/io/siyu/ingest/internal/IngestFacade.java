package io.siyu.ingest.internal;

import io.siyu.ingest.Ingestion;
import io.siyu.ingest.internal.inbox.Intake;
import io.siyu.ingest.internal.pipeline.IngestPipeline;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The ingest module's {@link Ingestion}: messages from inside Siyu take the HTTP API's way in. */
@Component
class IngestFacade implements Ingestion {

    private final Intake intake;
    private final IngestPipeline pipeline;
    private final Clock clock;

    IngestFacade(Intake intake, IngestPipeline pipeline, Clock clock) {
        this.intake = intake;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public Ingestion.Report accept(List<? extends JsonNode> batch) {
        var receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var outcome = intake.take(batch, new Intake.Request("internal", null, null, receivedAt, null, null));
        var violations = new ArrayList<Violation>();
        for (var rejection : outcome.rejections()) {
            var prefix = "[" + rejection.index() + "]";
            rejection.violations().forEach(v -> violations.add(v.at(prefix)));
        }
        return new Ingestion.Report(
                outcome.stored().fresh().size(),
                outcome.stored().duplicates(),
                outcome.rejections().size(),
                violations);
    }

    @Override
    public int applyQueued() {
        return pipeline.drainAll();
    }

    @Override
    public long queued() {
        return pipeline.queueDepth();
    }
}
