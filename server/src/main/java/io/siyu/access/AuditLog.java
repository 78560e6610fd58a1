package io.siyu.access;

import java.util.Map;

/** The append-only record of every change made by operators, tokens and the system. */
public interface AuditLog {

    /**
     * Records a change by the current caller.
     *
     * @param action what was done, e.g. {@code write-key.created}
     * @param target what it was done to, e.g. {@code write-key:12}
     * @param detail extra facts worth keeping; never personal data
     */
    void record(String action, String target, Map<String, ?> detail);
}
