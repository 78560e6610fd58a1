/** The messaging module's part of the operator API: templates, messages and the ledger, the outbox, suppressions. */
package io.siyu.messaging.internal.web;
