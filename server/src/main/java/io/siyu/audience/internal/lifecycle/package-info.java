/**
 * Lifecycle models and RFM for operators: the models and their stages ({@code LifecycleModels}), stages over time
 * ({@code StageHistory}), the RFM grid and settings ({@code RfmOverview}) and where one customer stands in all of them
 * ({@code CustomerStanding}). Depends on {@code engine} and the rooms it depends on.
 */
package io.siyu.audience.internal.lifecycle;
