package io.siyu.ingest.internal.messages;

import static io.siyu.ingest.internal.messages.SegmentMessageFixtures.RECEIVED;
import static io.siyu.ingest.internal.messages.SegmentMessageFixtures.message;
import static io.siyu.ingest.internal.messages.SegmentMessageFixtures.reader;
import static io.siyu.ingest.internal.messages.SegmentMessageFixtures.track;
import static io.siyu.ingest.internal.messages.SegmentMessageFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.Violation;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The steps of reading a Segment message: its common fields, its type's fields, its time and the touch it becomes. */
class MessageReaderTests {

    final MessageReader reader = reader();

    MessageReader.Envelope envelope(JsonNode message) {
        return reader.envelope(message, null, null, violations());
    }

    /** The rules a message breaks in the steps before it becomes a touch. */
    List<Violation> broken(JsonNode message) {
        var violations = violations();
        var envelope = reader.envelope(message, null, null, violations);
        reader.typeFields(message, envelope, violations);
        reader.occurredAt(message, RECEIVED, null, violations);
        return violations;
    }

    /** The touch a message that breaks no rule becomes. */
    Touch touch(JsonNode message) {
        var violations = violations();
        var envelope = reader.envelope(message, null, null, violations);
        var fields = reader.typeFields(message, envelope, violations);
        var occurredAt = reader.occurredAt(message, RECEIVED, null, violations);
        assertThat(violations).isEmpty();
        return reader.touch(envelope, fields, occurredAt, RECEIVED);
    }

    /** When a message happened, read without a batch's sentAt. */
    Instant occurredAt(JsonNode message) {
        return reader.occurredAt(message, RECEIVED, null, violations());
    }

    @Test
    void aMessageThatFollowsTheSpecificationBreaksNoRule() {
        assertThat(broken(track("Product Viewed").build())).isEmpty();
    }

    /** Messages that break one rule or more, each with the field and the rule it is refused for. */
    static Stream<Arguments> brokenMessages() {
        return Stream.of(
                argumentSet(
                        "a message without a type is refused as required",
                        track("Viewed").without("type").build(),
                        List.of(tuple("type", "required"))),
                argumentSet(
                        "an unknown type is refused",
                        message("purchase").with("userId", "u1").build(),
                        List.of(tuple("type", "one-of"))),
                argumentSet(
                        "a message id of more than a hundred characters is refused",
                        track("Viewed").with("messageId", "m".repeat(101)).build(),
                        List.of(tuple("messageId", "max-length"))),
                argumentSet(
                        "an id that is neither text nor an integer is refused",
                        track("Viewed").with("anonymousId", true).build(),
                        List.of(tuple("anonymousId", "type"))),
                argumentSet(
                        "properties that are not an object are refused",
                        track("Viewed").json("properties", "[1,2]").build(),
                        List.of(tuple("properties", "type"))),
                argumentSet(
                        "context traits that are not an object are refused",
                        track("Viewed").json("context", "{\"traits\":\"gold\"}").build(),
                        List.of(tuple("context.traits", "type"))),
                argumentSet("a track needs the event's name", track("  ").build(), List.of(tuple("event", "required"))),
                argumentSet(
                        "an alias needs the former id and the new user id",
                        message("alias").build(),
                        List.of(tuple("previousId", "required"), tuple("userId", "required"))),
                argumentSet(
                        "a group needs the group's id",
                        message("group").with("userId", "u1").build(),
                        List.of(tuple("groupId", "required"))),
                argumentSet(
                        "a message needs a user id or an anonymous id",
                        track("Viewed").without("userId").build(),
                        List.of(tuple("userId", "required"))),
                argumentSet(
                        "a timestamp that is no ISO date-time is refused",
                        track("Viewed").with("timestamp", "yesterday").build(),
                        List.of(tuple("timestamp", "iso-8601"))),
                argumentSet(
                        "a timestamp more than a day ahead of receipt is refused",
                        track("Viewed")
                                .with(
                                        "timestamp",
                                        RECEIVED.plus(MessageReader.MAX_FUTURE)
                                                .plusSeconds(1)
                                                .toString())
                                .build(),
                        List.of(tuple("timestamp", "not-future"))),
                argumentSet(
                        "a timestamp before 1970 is refused",
                        track("Viewed")
                                .with("timestamp", "1969-12-31T23:59:59Z")
                                .build(),
                        List.of(tuple("timestamp", "not-before-1970"))));
    }

    @ParameterizedTest
    @MethodSource("brokenMessages")
    void aMessageThatBreaksARuleIsRefusedNamingTheFieldAndTheRule(JsonNode message, List<Tuple> rules) {
        assertThat(broken(message))
                .extracting(Violation::field, Violation::rule)
                .containsExactlyElementsOf(rules);
    }

    @Test
    void theTypeOfASingleMessageEndpointStandsForTheMessagesOwn() {
        var envelope = reader.envelope(message("identify").build(), "track", null, violations());

        assertThat(envelope.type()).hasValue(TouchType.TRACK);
    }

    @Test
    void aNumericUserIdIsKeptAsText() {
        assertThat(envelope(track("Viewed")
                                .json("userId", "12345678901234567890")
                                .build())
                        .userId())
                .isEqualTo("12345678901234567890");
    }

    @Test
    void aBlankIdCountsAsNone() {
        assertThat(envelope(track("Viewed").with("userId", "   ").build()).userId())
                .isNull();
    }

    @Test
    void aBatchsContextFillsInWhatTheMessagesContextLacks() {
        var batchContext =
                (ObjectNode) SegmentMessageFixtures.JSON.readTree("{\"locale\":\"zh-CN\",\"ip\":\"1.2.3.4\"}");
        var message = track("Viewed").json("context", "{\"ip\":\"5.6.7.8\"}").build();

        var envelope = reader.envelope(message, null, batchContext, violations());

        assertThat(envelope.context().toString()).isEqualTo("{\"ip\":\"5.6.7.8\",\"locale\":\"zh-CN\"}");
    }

    @Test
    void aPageKeepsItsNameAsTheEvent() {
        var page = message("page").with("name", "Home").with("userId", "u1").build();

        assertThat(reader.typeFields(page, envelope(page), violations()).event())
                .isEqualTo("Home");
    }

    @Test
    void anAnonymousIdAloneSaysWhoseAMessageIs() {
        assertThat(broken(track("Viewed")
                        .without("userId")
                        .with("anonymousId", "a1")
                        .build()))
                .isEmpty();
    }

    @Test
    void theOriginalTimestampStandsBeforeTheTimestamp() {
        var message = track("Viewed")
                .with("timestamp", "2026-05-01T07:00:00Z")
                .with("originalTimestamp", "2026-05-01T06:00:00Z")
                .build();

        assertThat(occurredAt(message)).isEqualTo("2026-05-01T06:00:00Z");
    }

    @Test
    void theMessagesOwnSentAtStandsBeforeTheBatchs() {
        // the message's own sentAt says its clock is an hour fast; the batch's would say it is right
        var message = track("Viewed")
                .with("timestamp", "2026-05-01T08:50:00Z")
                .with("sentAt", "2026-05-01T09:00:00Z")
                .build();

        assertThat(reader.occurredAt(message, RECEIVED, RECEIVED, violations())).isEqualTo("2026-05-01T07:50:00Z");
    }

    @Test
    void aMessageWithoutATimestampHappenedWhenItWasReceived() {
        assertThat(occurredAt(track("Viewed").build())).isEqualTo(RECEIVED);
    }

    @Test
    void aTimestampWithoutAnOffsetIsTakenAsUtc() {
        var message = track("Viewed").with("timestamp", "2026-05-01T07:00:00").build();

        assertThat(occurredAt(message)).isEqualTo("2026-05-01T07:00:00Z");
    }

    @Test
    void aMessageWithoutAnIdIsGivenOne() {
        assertThat(touch(track("Viewed").build()).messageId()).startsWith("siyu-");
    }

    @Test
    void aMessageKeepsItsOwnId() {
        assertThat(touch(track("Viewed").with("messageId", "m-1").build()).messageId())
                .isEqualTo("m-1");
    }

    @Test
    void theTraitsOfATrackMoveUnderContextTraits() {
        var touch = touch(track("Viewed").json("traits", "{\"plan\":\"gold\"}").build());

        assertThat(touch.traits().isEmpty()).isTrue();
        assertThat(touch.context().path("traits").path("plan").asString()).isEqualTo("gold");
    }

    @Test
    void aTracksContextTraitsStandBeforeItsTraits() {
        var touch = touch(track("Viewed")
                .json("traits", "{\"plan\":\"gold\"}")
                .json("context", "{\"traits\":{\"plan\":\"silver\"}}")
                .build());

        assertThat(touch.context().path("traits").path("plan").asString()).isEqualTo("silver");
    }

    @Test
    void anIdentifyKeepsItsTraits() {
        var touch = touch(message("identify")
                .with("userId", "u1")
                .json("traits", "{\"plan\":\"gold\"}")
                .build());

        assertThat(touch.traits().path("plan").asString()).isEqualTo("gold");
    }

    @Test
    void theTouchHappenedWhenTheMessageSays() {
        var touch =
                touch(track("Viewed").with("timestamp", "2026-05-01T07:00:00Z").build());

        assertThat(touch.occurredAt()).isEqualTo(Instant.parse("2026-05-01T07:00:00Z"));
    }
}
