/**
 * The doors: the filter chains of ingestion, API tokens and the console, and what they decide before a handler runs
 * (write-key scopes, stateless token requests, sessions that follow their account, CSRF tokens bound to the session,
 * idempotent retries per principal).
 */
package io.siyu.access.internal.security;
