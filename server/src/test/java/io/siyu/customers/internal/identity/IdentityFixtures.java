package io.siyu.customers.internal.identity;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Identifiers and identity graphs as a batch finds them, for tests of identity resolution. */
public final class IdentityFixtures {

    private IdentityFixtures() {}

    /** An identifier of a message whose stored form is its value (no personal data). */
    public static IdentityGraph.Identifier id(String type, String value) {
        return new IdentityGraph.Identifier(new IdentityKey(type, value), key(type, value));
    }

    public static IdentityGraph.StoredKey key(String type, String value) {
        return new IdentityGraph.StoredKey(type, value);
    }

    /**
     * A graph over the stored owners of identifiers and their profiles' identifiers of limited types; new profiles get
     * ids from 1001 on.
     */
    public static IdentityGraph graph(
            Map<IdentityGraph.StoredKey, Long> owners, Map<Long, Map<String, String>> limited) {
        var ids = new AtomicLong(1000);
        return new IdentityGraph(owners, limited, ids::incrementAndGet);
    }
}
