/**
 * Tracking: signed links in every message (an open pixel, click redirects, the unsubscribe page and its one-click
 * form of RFC 8058), and the events they lead to (sent, opened, clicked, unsubscribed) recorded on the customer's
 * timeline through ingestion, each once; and what providers push back (SMS receipts and replies, WeChat's reports and
 * subscription events), each handled once however often it is pushed.
 */
package io.siyu.messaging.internal.tracking;
