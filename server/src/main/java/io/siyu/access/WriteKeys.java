package io.siyu.access;

import java.util.Optional;

/** Authenticates the shop's backends and SDKs that send data with a write key. */
public interface WriteKeys {

    /** The source a live write key belongs to; empty for an unknown or revoked key. */
    Optional<WriteKeySource> authenticate(String writeKey);

    /** A live write key's identity: its id, the name people gave it and where it may send to. */
    record WriteKeySource(long id, String name, WriteKeyScope scope) {}

    /** The write key that authenticated the current request through its Authorization header, if one did. */
    static Optional<WriteKeySource> current() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof WriteKeySource source
                ? Optional.of(source)
                : Optional.empty();
    }
}
