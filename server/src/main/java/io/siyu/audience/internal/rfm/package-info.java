/**
 * RFM: the scoring rule (quintiles with ties kept together, the named group of each recency and frequency cell,
 * {@code RfmModel}) and its computation from the purchase activity in PostgreSQL into the index
 * ({@code RfmCalculator}). Depends on {@code index} and {@code activity}.
 */
package io.siyu.audience.internal.rfm;
