package io.siyu.ingest;

import io.siyu.shared.Violation;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Accepts Segment-format messages from inside Siyu, with the same checks and guarantees as the HTTP API. */
public interface Ingestion {

    /** What became of a set of messages. */
    record Report(int accepted, int duplicates, int rejected, List<Violation> violations) {}

    /** Checks and stores messages; each valid one is acknowledged (committed) when this returns. */
    Report accept(List<? extends JsonNode> messages);

    /** Applies every queued message now, in the calling thread, and returns how many were applied. */
    int applyQueued();

    /** About how many acknowledged messages wait to be applied. */
    long queued();
}
