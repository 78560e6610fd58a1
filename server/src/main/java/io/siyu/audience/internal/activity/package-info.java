/**
 * Behaviour per customer and day: what touches count as ({@code ActivityCounter}), the per-day activity table and its
 * keys in PostgreSQL ({@code ActivityStore}), putting stored rows and a batch's deltas into the index
 * ({@code ActivityLoader}), refilling the table from every stored event ({@code ActivityReplay}), and the settings of
 * the audience engine ({@code AudienceProperties}). Depends on {@code index}.
 */
package io.siyu.audience.internal.activity;
