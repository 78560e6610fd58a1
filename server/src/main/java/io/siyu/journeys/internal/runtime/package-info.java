/**
 * Running journeys: the interpreter (where a customer goes from a node, and what it does on the way), customers' runs
 * in PostgreSQL, entering them, firing their timers, and events reaching runs that wait for them or convert on the
 * goal. Triggers are written to an inbox in the transaction that recorded them and drained right after it commits;
 * a db-scheduler task drains the inbox and fires due timers every second.
 */
package io.siyu.journeys.internal.runtime;
