/**
 * The condition language of segments, rule tags, value tags and lifecycle stages: a definition's JSON parsed into a
 * {@code Condition} with every mistake named ({@code ConditionParser}), and what a condition means over the index:
 * {@code SegmentEvaluator} decides who is in a segment, {@code ConditionInputs} whether a batch can have changed it.
 * Depends on {@code index}, {@code activity} and {@code rfm}.
 */
package io.siyu.audience.internal.condition;
