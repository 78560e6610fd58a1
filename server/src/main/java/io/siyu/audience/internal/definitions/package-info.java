/**
 * The definitions the engine keeps current: segments and lifecycle models as stored ({@code DefinitionStore}), tags,
 * their categories and assignments ({@code TagStore}), and the registry parsed from them in evaluation order, with
 * cycles refused ({@code Definitions}, {@code Registry}, {@code SegmentOrder}). Depends on {@code index},
 * {@code activity}, {@code rfm} and {@code condition}.
 */
package io.siyu.audience.internal.definitions;
