/**
 * Journeys: the automations operators draw (a trigger, waits, splits, actions, a goal), run durably for every customer
 * who enters them and measured against a control group. A journey is a versioned graph; customers inside a version
 * finish on it when a new one is published. Every customer's position and timer is a row in PostgreSQL, advanced by
 * db-scheduler tasks and, for events, right after the event is recorded. Actions are one interface,
 * {@link io.siyu.journeys.JourneyAction}, which other modules implement to add theirs. Consumes
 * {@link io.siyu.customers.CustomersMerged} to give a merged profile's runs and triggers to the survivor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journeys")
package io.siyu.journeys;
