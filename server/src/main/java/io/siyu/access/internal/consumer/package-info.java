/**
 * The consumer API's keys and tokens: the shop's public keys ({@link io.siyu.access.internal.consumer.ConsumerKeys},
 * checked by {@link io.siyu.access.internal.consumer.ConsumerKeyRules}), the rules a customer's token must keep
 * ({@link io.siyu.access.internal.consumer.ConsumerTokens}), the token ids of changes already carried out
 * ({@link io.siyu.access.internal.consumer.TokenUses}) and the limits per customer and per address
 * ({@link io.siyu.access.internal.consumer.ConsumerLimits}).
 */
package io.siyu.access.internal.consumer;
