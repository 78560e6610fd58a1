/**
 * The send ledger: one row per message meant, unique by its business reason. Rows are claimed for sending with
 * {@code FOR UPDATE SKIP LOCKED}, so dispatchers never share one; a row claimed by a process that died is queued again
 * after the in-flight timeout (the only way a message can go out twice, counted by its attempts).
 */
package io.siyu.messaging.internal.ledger;
