/** The points ledger in PostgreSQL and the task that writes down expired points. */
package io.siyu.loyalty.internal.points;
