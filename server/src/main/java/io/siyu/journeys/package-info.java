/**
 * Journeys: the automations operators draw (a trigger, waits, splits, actions, goals), run durably for every customer
 * who enters them, and measured against a control group. Built in steps; so far it holds the measurement: how a
 * journey's effect on conversion and on revenue per customer is estimated with its uncertainty, and how a split whose
 * groups did not come out in the planned ratio is caught ({@code internal/measurement}). It owns no tables yet and
 * publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journeys")
package io.siyu.journeys;
