package io.siyu.access.internal.operators;

import io.siyu.access.Role;
import java.time.Instant;

/**
 * A person of the brand's operations team who signs in to the console.
 *
 * @param sessionEpoch moves on when the password changes or the account is disabled; a session signed in under an
 *     older epoch is over
 */
public record Operator(
        long id,
        String username,
        String displayName,
        Role role,
        String passwordHash,
        boolean disabled,
        int sessionEpoch,
        Instant lastSignInAt,
        Instant createdAt) {}
