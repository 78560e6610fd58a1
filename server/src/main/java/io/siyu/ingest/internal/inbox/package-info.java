/**
 * Acknowledging messages: taking in a request's messages and waking the pipeline ({@code Intake}), storing the valid
 * ones once each in the queue ({@code Inbox}), and keeping the rejected ones for operators ({@code RejectedMessages})
 * with their personal data masked ({@code MaskedBody}). Depends on {@code messages} and {@code pipeline}.
 */
package io.siyu.ingest.internal.inbox;
