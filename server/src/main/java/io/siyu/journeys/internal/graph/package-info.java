/**
 * A journey's graph: what it is made of (trigger, entry rules, goal, nodes), read from JSON with every broken rule
 * named by its path, and checked as a whole (references, reachable nodes, no loop without a wait).
 */
package io.siyu.journeys.internal.graph;
