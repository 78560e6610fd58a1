import type { FieldError } from '../shared/api/client';
import { TRIGGER, type JourneyGraph } from './graph';

/** A rule the graph breaks, placed where the canvas shows it: on a node, on the trigger, or on the graph as a whole. */
export interface PlacedProblem {
  /** A node's id, {@link TRIGGER}, or undefined for the graph as a whole. */
  at: string | undefined;
  /** The field inside what it is placed on, such as `next` or `branches[1].percent`; empty for the whole of it. */
  field: string;
  rule?: string;
  detail: string;
}

/** The graph's own settings, which the trigger's card edits. */
const TRIGGER_FIELDS = ['trigger', 'reentry', 'capPerDay', 'start', 'end', 'controlPercent', 'goal', 'first'];

/**
 * Places the server's problems (fields such as `draft.nodes[2].next`) on the canvas: a node's index is read in the
 * graph that was checked, so that a problem stays on its node however the graph changed since.
 */
export function placeProblems(errors: readonly FieldError[], checked: JourneyGraph): PlacedProblem[] {
  return errors.map((error) => {
    const path = error.field.replace(/^draft\.?/, '');
    const node = /^nodes\[(\d+)\]\.?(.*)$/.exec(path);
    const id = node ? checked.nodes[Number(node[1])]?.id : undefined;
    if (node && id !== undefined) {
      return { at: id, field: node[2], rule: error.rule, detail: error.detail };
    }
    const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
    if (TRIGGER_FIELDS.includes(head)) {
      return { at: TRIGGER, field: path, rule: error.rule, detail: error.detail };
    }
    return { at: undefined, field: path, rule: error.rule, detail: error.detail };
  });
}

/** The problems of each node (and of the trigger), by id. */
export function problemsByPlace(problems: readonly PlacedProblem[]): Map<string, PlacedProblem[]> {
  const places = new Map<string, PlacedProblem[]>();
  for (const problem of problems) {
    if (problem.at !== undefined) {
      places.set(problem.at, [...(places.get(problem.at) ?? []), problem]);
    }
  }
  return places;
}
