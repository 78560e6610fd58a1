/**
 * Segments for operators: their versioned definitions ({@code Segments}), who is in a set (counts, previews, pages,
 * overlaps, the customers a request names: {@code Members}) and a segment over time (daily sizes, snapshots:
 * {@code SegmentHistory}). Depends on {@code engine} and the rooms it depends on.
 */
package io.siyu.audience.internal.segments;
