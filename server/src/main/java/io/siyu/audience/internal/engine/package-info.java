/**
 * The engine that keeps the index and every derived set current: building the index from PostgreSQL
 * ({@code IndexBuilder}, {@code IndexLoader}), hearing and applying each committed batch ({@code ActivityRecorder},
 * {@code BatchIndexer}), refreshing stages, tags, segments and RFM ({@code DerivedSets}), what time changes
 * ({@code ScheduledRefresh}), announcing and saving members ({@code MembershipPublisher}), rebuilding behaviour on
 * request, startup and metrics. Depends on {@code index}, {@code activity}, {@code rfm}, {@code condition} and
 * {@code definitions}.
 */
package io.siyu.audience.internal.engine;
