package io.siyu.access.internal.consumer;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.shared.ConflictException;
import java.util.Locale;

/**
 * Where a consumer key stands in a rotation: an active key signs new tokens; a retiring one was replaced by a newer
 * key but still verifies the tokens it signed before the switch; a revoked key verifies nothing, for good.
 */
public enum ConsumerKeyStatus {
    ACTIVE,
    RETIRING,
    REVOKED;

    /** Whether tokens signed with a key in this state are accepted. */
    public boolean verifies() {
        return this != REVOKED;
    }

    /** The state after retiring: a revoked key cannot come back. */
    public ConsumerKeyStatus retire() {
        if (this == REVOKED) {
            throw new ConflictException("revoked", "the key is revoked; a revoked key cannot be retired or used again");
        }
        return RETIRING;
    }

    public ConsumerKeyStatus revoke() {
        return REVOKED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
