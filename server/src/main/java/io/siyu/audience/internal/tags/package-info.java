/**
 * Tags for operators: manual, rule and value tags in categories ({@code Tags}) and assigning them by hand
 * ({@code TagAssignments}). Depends on {@code segments} (the customers a request names), {@code engine} and the rooms
 * it depends on.
 */
package io.siyu.audience.internal.tags;
