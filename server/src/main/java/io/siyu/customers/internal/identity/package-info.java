/**
 * Who a customer is: the identifiers a message carries and how they are read and normalised ({@code IdentityRules},
 * {@code IdentityKey}), and the identity graph a batch resolves in memory: which profile each message belongs to,
 * which profiles merge and which links the limits refuse ({@code IdentityGraph}). Depends on no other room of the
 * customers module.
 */
package io.siyu.customers.internal.identity;
