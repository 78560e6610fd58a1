/**
 * The statistics of a journey's report: the difference in conversion between the treated and the control group
 * (two proportions), the difference in revenue per customer (Welch's t), and the sample-ratio check of every split.
 * The formulas are stated in docs/journeys.md and tested against published reference numbers.
 */
package io.siyu.journeys.internal.measurement;
