package io.siyu.access.internal;

import io.siyu.access.Role;
import java.time.Instant;

/** A person of the brand's operations team who signs in to the console. */
record Operator(
        long id,
        String username,
        String displayName,
        Role role,
        String passwordHash,
        boolean disabled,
        int failedAttempts,
        Instant lockedUntil,
        Instant lastSignInAt,
        Instant createdAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
