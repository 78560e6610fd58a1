/**
 * Journeys as stored: their drafts, published versions and status (draft, published, paused, archived), and the
 * published graphs the runtime asks about, kept in memory and refreshed when a journey changes.
 */
package io.siyu.journeys.internal.store;
