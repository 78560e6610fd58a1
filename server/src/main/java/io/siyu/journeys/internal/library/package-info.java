/**
 * Ready-made journeys for the lifecycle scenes (welcome series, browse and cart abandonment, first purchase,
 * repurchase, churn win-back, review request): each a graph and the message templates it sends, made into a draft an
 * operator adapts and publishes, or published as it is on the demo brand.
 */
package io.siyu.journeys.internal.library;
