/**
 * Reading what was recorded: finding customers and reading their profiles, timelines and consent changes for
 * operators ({@code CustomerDirectory}), profiles for other modules ({@code ProfileQueries}), the stored timeline read
 * back as touches ({@code StoredTouches}) and the dashboards' counts ({@code CustomerCounts}). Depends on
 * {@code identity}, {@code vault} and {@code recording} (the names of a timeline event's parts).
 */
package io.siyu.customers.internal.directory;
