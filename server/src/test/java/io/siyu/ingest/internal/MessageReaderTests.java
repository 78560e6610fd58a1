package io.siyu.ingest.internal;

import static io.siyu.ingest.internal.SegmentMessageFixtures.RECEIVED;
import static io.siyu.ingest.internal.SegmentMessageFixtures.message;
import static io.siyu.ingest.internal.SegmentMessageFixtures.reader;
import static io.siyu.ingest.internal.SegmentMessageFixtures.track;
import static io.siyu.ingest.internal.SegmentMessageFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.Violation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    @Test
    void aMessageThatFollowsTheSpecificationBreaksNoRule() {
        assertThat(broken(track("Product Viewed").build())).isEmpty();
    }

    @Test
    void aMessageWithoutATypeIsRefusedAsRequired() {
        assertThat(broken(track("Viewed").without("type").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("type", "required"));
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThat(broken(message("purchase").with("userId", "u1").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("type", "one-of"));
    }

    @Test
    void theTypeOfASingleMessageEndpointStandsForTheMessagesOwn() {
        var envelope = reader.envelope(message("identify").build(), "track", null, violations());

        assertThat(envelope.type()).hasValue(TouchType.TRACK);
    }

    @Test
    void aMessageIdOfMoreThanAHundredCharactersIsRefused() {
        assertThat(broken(track("Viewed").with("messageId", "m".repeat(101)).build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("messageId", "max-length"));
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
    void anIdThatIsNeitherTextNorAnIntegerIsRefused() {
        assertThat(broken(track("Viewed").with("anonymousId", true).build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("anonymousId", "type"));
    }

    @Test
    void aBlankIdCountsAsNone() {
        assertThat(envelope(track("Viewed").with("userId", "   ").build()).userId())
                .isNull();
    }

    @Test
    void propertiesThatAreNotAnObjectAreRefused() {
        assertThat(broken(track("Viewed").json("properties", "[1,2]").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("properties", "type"));
    }

    @Test
    void contextTraitsThatAreNotAnObjectAreRefused() {
        assertThat(broken(
                        track("Viewed").json("context", "{\"traits\":\"gold\"}").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("context.traits", "type"));
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
    void aTrackNeedsTheEventsName() {
        assertThat(broken(track("  ").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("event", "required"));
    }

    @Test
    void aPageKeepsItsNameAsTheEvent() {
        var page = message("page").with("name", "Home").with("userId", "u1").build();

        assertThat(reader.typeFields(page, envelope(page), violations()).event())
                .isEqualTo("Home");
    }

    @Test
    void anAliasNeedsTheFormerIdAndTheNewUserId() {
        assertThat(broken(message("alias").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("previousId", "required"), tuple("userId", "required"));
    }

    @Test
    void aGroupNeedsTheGroupsId() {
        assertThat(broken(message("group").with("userId", "u1").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("groupId", "required"));
    }

    @Test
    void aMessageNeedsAUserIdOrAnAnonymousId() {
        assertThat(broken(track("Viewed").without("userId").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("userId", "required"));
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

        assertThat(reader.occurredAt(message, RECEIVED, null, violations())).isEqualTo("2026-05-01T06:00:00Z");
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
        assertThat(reader.occurredAt(track("Viewed").build(), RECEIVED, null, violations()))
                .isEqualTo(RECEIVED);
    }

    @Test
    void aTimestampWithoutAnOffsetIsTakenAsUtc() {
        var message = track("Viewed").with("timestamp", "2026-05-01T07:00:00").build();

        assertThat(reader.occurredAt(message, RECEIVED, null, violations())).isEqualTo("2026-05-01T07:00:00Z");
    }

    @Test
    void aTimestampThatIsNoIsoDateTimeIsRefused() {
        assertThat(broken(track("Viewed").with("timestamp", "yesterday").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("timestamp", "iso-8601"));
    }

    @Test
    void aTimestampMoreThanADayAheadOfReceiptIsRefused() {
        var ahead = RECEIVED.plus(MessageReader.MAX_FUTURE).plusSeconds(1);

        assertThat(broken(track("Viewed").with("timestamp", ahead.toString()).build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("timestamp", "not-future"));
    }

    @Test
    void aTimestampBefore1970IsRefused() {
        assertThat(broken(track("Viewed")
                        .with("timestamp", "1969-12-31T23:59:59Z")
                        .build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("timestamp", "not-before-1970"));
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
