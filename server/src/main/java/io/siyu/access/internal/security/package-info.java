/**
 * The doors: the filter chains of ingestion, the consumer API, API tokens and the console, and what they decide before
 * a handler runs (write-key scopes, consumer tokens and their limits, stateless token requests, sessions that follow
 * their account, CSRF tokens bound to the session, idempotent retries per principal).
 */
package io.siyu.access.internal.security;
