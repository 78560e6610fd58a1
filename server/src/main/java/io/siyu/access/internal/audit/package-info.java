/** The audit log: one bounded row per change, written in the change's transaction, and the net for changes that
 * wrote none. */
package io.siyu.access.internal.audit;
