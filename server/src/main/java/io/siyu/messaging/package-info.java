/**
 * Messaging: reaching customers through channels (e-mail over SMTP so far, a sandbox outbox when no provider is
 * configured), with templates, a send ledger keyed by the business reason of each message so that nothing is sent
 * twice, respect for consent and suppression, and tracking of sends, opens, clicks and unsubscribes as events on the
 * customer's timeline. Other modules queue messages through {@link io.siyu.messaging.Messages}. Consumes
 * {@link io.siyu.customers.CustomersMerged} to give a merged profile's inbox, grants, budget and ledger to the survivor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package io.siyu.messaging;
