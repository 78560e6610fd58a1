/**
 * Dispatch: claims due messages from the ledger, decides for each whether it may be sent (respect), renders it for
 * its customer with tracking in place, hands it to the channel's provider, records the tracking event and settles the
 * row. Runs when messages are queued and every second as a db-scheduler task, which also queues again what a dead
 * dispatcher left claimed.
 */
package io.siyu.messaging.internal.dispatch;
