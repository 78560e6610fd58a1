/**
 * Loyalty: what keeps members coming back. Its first part is the points ledger ({@link io.siyu.loyalty.Points}): an
 * append-only ledger of grants, redemptions and expiries, each line under an idempotency key, with a balance that
 * never goes below zero whatever runs at once and that the lines explain one by one; points are granted in lots that
 * expire on their own dates and are spent soonest-expiring first. It listens to {@code CustomersMerged} (a visitor's
 * points move to the account) and adds the journeys' {@code grant_points} action; it publishes no events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loyalty")
package io.siyu.loyalty;
