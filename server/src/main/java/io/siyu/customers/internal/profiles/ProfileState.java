package io.siyu.customers.internal.profiles;

import io.siyu.customers.OrderFacts;
import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.customers.internal.identity.IdentityRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A profile's traits and facts while a batch of touches is applied to it in memory.
 *
 * <p>Everything here is order-independent, so that late and out-of-order messages land where their own timestamps
 * put them: a trait keeps the value set by the message with the latest timestamp (last writer wins, per trait),
 * first and last seen are a minimum and a maximum, counts are sums, and the channel of origin is the one of the
 * earliest touch among the most explicit sources. Consent follows the same rule as traits, per category: the latest
 * decision by its message's timestamp stands; so does the time zone, the latest valid {@code context.timezone}.
 * Merging two states is the same operation.
 */
public final class ProfileState {

    /** How explicit a channel of origin is: a trait set by the shop beats a campaign source of a visit. */
    static final int CHANNEL_FROM_CAMPAIGN = 1;

    static final int CHANNEL_FROM_TRAIT = 2;

    private static final Set<String> NAME_TRAITS =
            Set.of("name", "first_name", "firstName", "last_name", "lastName", "nickname", "username");

    final long id;
    final boolean isNew;
    final Instant createdAt;
    ObjectNode traits;
    ObjectNode traitTimes;
    String displayName;
    String channel;
    int channelRank;
    Instant channelAt;
    Instant firstSeenAt;
    Instant lastSeenAt;
    long eventCount;
    int orderCount;
    BigDecimal totalSpent = BigDecimal.ZERO;
    Instant firstOrderAt;
    Instant lastOrderAt;
    /** The customer's own time zone (an IANA name) and the time of the message that named it; null if none did. */
    String timeZone;

    Instant timeZoneAt;
    Long mergedInto;
    Instant mergedAt;
    /** Per category: {@code granted}, {@code at} (the latest message saying so), {@code since} and {@code messageId}. */
    ObjectNode consents;
    /** When the customer last withdrew every category at once (an empty {@code categoryPreferences}). */
    Instant consentWithdrawnAt;
    /** Whether a trait, the channel or a consent decision changed while this state was in memory. */
    boolean described;
    /** Changes of consent made while this state was in memory, to be recorded. */
    final List<ConsentChange> consentChanges = new ArrayList<>();

    /** A category of consent that changed: from a message, or adopted from a profile merged into this one. */
    record ConsentChange(String category, boolean granted, Instant decidedAt, String messageId, Long mergedFrom) {}

    ProfileState(long id, boolean isNew, Instant createdAt) {
        this.id = id;
        this.isNew = isNew;
        this.createdAt = createdAt;
        this.traits = JsonNodeFactory.instance.objectNode();
        this.traitTimes = JsonNodeFactory.instance.objectNode();
        this.consents = JsonNodeFactory.instance.objectNode();
    }

    void apply(Touch touch) {
        var at = touch.occurredAt();
        firstSeenAt = min(firstSeenAt, at);
        lastSeenAt = max(lastSeenAt, at);
        eventCount++;
        if (touch.type() == TouchType.IDENTIFY) {
            for (var entry : touch.traits().properties()) {
                if (!isIdentityTrait(entry.getKey())) {
                    setTrait(entry.getKey(), entry.getValue(), at);
                }
            }
            if (touch.traits().get("channel") instanceof JsonNode channelTrait && channelTrait.isString()) {
                offerChannel(channelTrait.asString(), CHANNEL_FROM_TRAIT, at);
            }
        }
        if (touch.context().path("campaign").path("source") instanceof JsonNode source && source.isString()) {
            offerChannel(source.asString(), CHANNEL_FROM_CAMPAIGN, at);
        }
        if (touch.context().get("timezone") instanceof JsonNode zone && zone.isString()) {
            TimeZones.parse(zone.asString()).ifPresent(id -> offerTimeZone(id, at));
        }
        ConsentRules.preferences(touch).ifPresent(preferences -> {
            if (preferences.isEmpty()) {
                withdrawAll(at, touch.messageId(), null);
            }
            preferences.forEach((category, granted) -> decide(category, granted, at, at, touch.messageId(), null));
        });
    }

    void absorb(ProfileState other) {
        for (var entry : other.traits.properties()) {
            var otherTime = other.traitTimes.path(entry.getKey()).asString(null);
            setTrait(entry.getKey(), entry.getValue(), otherTime == null ? Instant.EPOCH : Instant.parse(otherTime));
        }
        if (other.channel != null) {
            offerChannel(other.channel, other.channelRank, other.channelAt);
        }
        if (other.timeZone != null) {
            offerTimeZone(other.timeZone, other.timeZoneAt);
        }
        if (other.consentWithdrawnAt != null) {
            withdrawAll(other.consentWithdrawnAt, null, other.id);
        }
        for (var entry : other.consents.properties()) {
            var decision = entry.getValue();
            decide(
                    entry.getKey(),
                    decision.path("granted").asBoolean(),
                    Instant.parse(decision.path("at").asString()),
                    Instant.parse(decision.path("since").asString()),
                    decision.path("messageId").asString(null),
                    other.id);
        }
        firstSeenAt = min(firstSeenAt, other.firstSeenAt);
        lastSeenAt = max(lastSeenAt, other.lastSeenAt);
        eventCount += other.eventCount;
        orderCount += other.orderCount;
        totalSpent = totalSpent.add(other.totalSpent);
        firstOrderAt = min(firstOrderAt, other.firstOrderAt);
        lastOrderAt = max(lastOrderAt, other.lastOrderAt);
        other.clearFacts();
    }

    void apply(OrderFacts facts) {
        orderCount = facts.orderCount();
        totalSpent = facts.totalSpent();
        firstOrderAt = facts.firstOrderAt();
        lastOrderAt = facts.lastOrderAt();
    }

    private void clearFacts() {
        eventCount = 0;
        orderCount = 0;
        totalSpent = BigDecimal.ZERO;
    }

    private void setTrait(String name, JsonNode value, Instant at) {
        var current = traitTimes.path(name).asString(null);
        if (current != null && Instant.parse(current).isAfter(at)) {
            return;
        }
        var before = traits.get(name);
        if (value == null || value.isNull()) {
            traits.remove(name);
        } else {
            traits.set(name, value);
        }
        described |= !java.util.Objects.equals(before, traits.get(name));
        traitTimes.put(name, at.toString());
        if (NAME_TRAITS.contains(name)) {
            displayName = deriveDisplayName();
        }
    }

    /**
     * Records a decision on a category unless a later one stands; {@code since} is when the decided state began (the
     * decision itself, or for a merged profile's state, when it began there).
     */
    private void decide(
            String category, boolean granted, Instant at, Instant since, String messageId, Long mergedFrom) {
        var current = consents.get(category);
        if (current != null && Instant.parse(current.path("at").asString()).isAfter(at)) {
            return;
        }
        if (consentWithdrawnAt != null && consentWithdrawnAt.isAfter(at)) {
            // everything was withdrawn after this decision was made (its message arrived late)
            granted = false;
            at = consentWithdrawnAt;
            since = consentWithdrawnAt;
        }
        var changed = current == null || current.path("granted").asBoolean() != granted;
        var decision = JsonNodeFactory.instance.objectNode();
        decision.put("granted", granted);
        decision.put("at", at.toString());
        decision.put("since", changed ? since.toString() : current.path("since").asString());
        decision.put(
                "messageId", changed ? messageId : current.path("messageId").asString(null));
        consents.set(category, decision);
        if (changed) {
            described = true;
            consentChanges.add(new ConsentChange(category, granted, since, messageId, mergedFrom));
        }
    }

    /**
     * Withdraws every category decided before {@code at}, including those whose earlier decisions arrive later: an empty
     * {@code categoryPreferences}, as Segment reads it.
     */
    private void withdrawAll(Instant at, String messageId, Long mergedFrom) {
        if (consentWithdrawnAt == null || consentWithdrawnAt.isBefore(at)) {
            consentWithdrawnAt = at;
        }
        for (var category : List.copyOf(consents.propertyNames())) {
            decide(category, false, at, at, messageId, mergedFrom);
        }
    }

    private void offerChannel(String candidate, int rank, Instant at) {
        var normalised = candidate.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty() || normalised.length() > 40) {
            return;
        }
        if (channel == null || rank > channelRank || (rank == channelRank && at.isBefore(channelAt))) {
            described |= !normalised.equals(channel);
            channel = normalised;
            channelRank = rank;
            channelAt = at;
        }
    }

    private void offerTimeZone(String zone, Instant at) {
        if (timeZoneAt == null || !at.isBefore(timeZoneAt)) {
            described |= !zone.equals(timeZone);
            timeZone = zone;
            timeZoneAt = at;
        }
    }

    private String deriveDisplayName() {
        var name = text("name");
        if (name != null) {
            return name;
        }
        var first = text("first_name", "firstName");
        var last = text("last_name", "lastName");
        if (first != null || last != null) {
            return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        var nickname = text("nickname");
        return nickname != null ? nickname : text("username");
    }

    private String text(String... names) {
        for (var name : names) {
            var value = traits.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                var text = value.asString().strip();
                return text.length() > 200 ? text.substring(0, 200) : text;
            }
        }
        return null;
    }

    static boolean isIdentityTrait(String name) {
        return IdentityRules.EMAIL_TRAITS.contains(name)
                || IdentityRules.PHONE_TRAITS.contains(name)
                || IdentityRules.PLATFORM_TRAITS.containsKey(name);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
