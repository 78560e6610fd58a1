package io.siyu.ingest.internal.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.siyu.access.WriteKeys;
import io.siyu.ingest.internal.messages.SegmentMessages;
import io.siyu.ingest.internal.pipeline.IngestPipeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes in the messages of one request: checks each, and has the inbox store the valid ones and keep the rejected ones
 * in one transaction, so that when the sender hears the answer every message is either stored or kept as rejected.
 * Then it counts them and wakes the pipeline.
 */
@Component
public class Intake {

    private final SegmentMessages messages;
    private final Inbox inbox;
    private final RejectedMessages rejectedMessages;
    private final IngestPipeline pipeline;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    Intake(
            SegmentMessages messages,
            Inbox inbox,
            RejectedMessages rejectedMessages,
            IngestPipeline pipeline,
            MeterRegistry meters) {
        this.messages = messages;
        this.inbox = inbox;
        this.rejectedMessages = rejectedMessages;
        this.pipeline = pipeline;
        this.accepted = meters.counter("siyu.ingest.messages", "outcome", "accepted");
        this.duplicates = meters.counter("siyu.ingest.messages", "outcome", "duplicate");
        this.rejected = meters.counter("siyu.ingest.messages", "outcome", "rejected");
    }

    /**
     * Where messages come from and how to read them.
     *
     * @param endpoint the endpoint's name, kept with rejections ({@code batch}, {@code track}, ...)
     * @param endpointType the type a single-message endpoint names, null for a batch
     * @param source the write key that sent them, null for messages from inside Siyu
     * @param sentAt the batch's {@code sentAt}, if any
     * @param defaultContext context fields of a batch, applied to every message that lacks them
     */
    public record Request(
            String endpoint,
            String endpointType,
            WriteKeys.WriteKeySource source,
            Instant receivedAt,
            Instant sentAt,
            ObjectNode defaultContext) {}

    /** What became of the messages: those stored (new and duplicates) and those rejected. */
    public record Outcome(Inbox.Stored stored, List<RejectedMessages.Rejection> rejections) {}

    public Outcome take(List<? extends JsonNode> batch, Request request) {
        var single = request.endpointType() != null;
        var valid = new ArrayList<SegmentMessages.Normalized>();
        var rejections = new ArrayList<RejectedMessages.Rejection>();
        for (int i = 0; i < batch.size(); i++) {
            var message = batch.get(i);
            switch (messages.read(
                    message,
                    request.endpointType(),
                    request.receivedAt(),
                    request.sentAt(),
                    request.defaultContext())) {
                case SegmentMessages.Outcome.Valid(var normalized) -> valid.add(normalized);
                case SegmentMessages.Outcome.Invalid(var messageId, var violations) ->
                    rejections.add(new RejectedMessages.Rejection(single ? null : i, messageId, violations, message));
            }
        }
        var stored = inbox.take(valid, rejections, request.source(), request.endpoint(), request.receivedAt());
        accepted.increment(stored.fresh().size());
        duplicates.increment(stored.duplicates());
        rejected.increment(rejections.size());
        rejectedMessages.count(rejections);
        if (!stored.fresh().isEmpty()) {
            pipeline.wakeUp();
        }
        return new Outcome(stored, rejections);
    }
}
