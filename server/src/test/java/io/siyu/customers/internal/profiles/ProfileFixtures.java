package io.siyu.customers.internal.profiles;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchFixtures;
import java.util.concurrent.atomic.AtomicLong;

/** Profiles in memory, as a batch creates or loads them, for tests of the rules that change them. */
final class ProfileFixtures {

    private static final AtomicLong IDS = new AtomicLong(1000);

    private ProfileFixtures() {}

    /** A profile created by the batch at hand. */
    static ProfileState newProfile() {
        return new ProfileState(IDS.incrementAndGet(), true, TouchFixtures.AT);
    }

    /** A profile as stored before the batch, without traits, facts or consent. */
    static ProfileState storedProfile(long id) {
        return new ProfileState(id, false, TouchFixtures.AT);
    }

    /** A new profile with the touches applied in the order given. */
    static ProfileState after(Touch... touches) {
        var profile = newProfile();
        for (var touch : touches) {
            profile.apply(touch);
        }
        return profile;
    }

    /** A trait's value as text, null when the profile does not have it. */
    static String trait(ProfileState profile, String name) {
        return profile.traits.path(name).asString(null);
    }

    /** {@code granted}, {@code denied} or {@code unknown}: the decision that stands for a category. */
    static String consent(ProfileState profile, String category) {
        var decision = profile.consents.get(category);
        if (decision == null) {
            return "unknown";
        }
        return decision.path("granted").asBoolean() ? "granted" : "denied";
    }

    /** When the standing decision for a category began. */
    static String consentSince(ProfileState profile, String category) {
        return profile.consents.path(category).path("since").asString(null);
    }
}
