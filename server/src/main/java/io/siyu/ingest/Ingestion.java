package io.siyu.ingest;

import io.siyu.ingest.internal.IngestFacade;
import io.siyu.shared.Violation;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Accepts Segment-format messages from inside Siyu, with the same checks and guarantees as the HTTP API. */
@Service
public class Ingestion {

    private final IngestFacade facade;

    Ingestion(IngestFacade facade) {
        this.facade = facade;
    }

    /** What became of a set of messages. */
    public record Report(int accepted, int duplicates, int rejected, List<Violation> violations) {}

    /** Checks and stores messages; each valid one is acknowledged (committed) when this returns. */
    public Report accept(List<? extends JsonNode> messages) {
        return facade.accept(messages);
    }

    /** Applies every queued message now, in the calling thread, and returns how many were applied. */
    public int applyQueued() {
        return facade.applyQueued();
    }

    /** About how many acknowledged messages wait to be applied. */
    public long queued() {
        return facade.queued();
    }
}
