/** Daily check-in: one per member and local day, streaks, and the points each day of a streak earns. */
package io.siyu.loyalty.internal.checkin;
