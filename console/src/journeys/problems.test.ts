import { describe, expect, it } from 'vitest';
import { TRIGGER, type JourneyGraph } from './graph';
import { placeProblems, problemsByPlace } from './problems';

const checked: JourneyGraph = {
  trigger: { type: 'event', event: '' },
  first: 'wait_1',
  nodes: [
    { id: 'wait_1', type: 'wait', duration: 'P0D', next: 'random_1' },
    { id: 'random_1', type: 'split_random', branches: [{ percent: 70, next: 'gone' }, { percent: 20, next: null }] },
  ],
};

describe('problems', () => {
  const placed = placeProblems(
    [
      { field: 'draft.nodes[0].duration', rule: 'range', detail: 'must be longer than 0 and at most 400 days' },
      { field: 'draft.nodes[1].branches[0].next', rule: 'exists', detail: 'names no node' },
      { field: 'draft.nodes[1].branches', rule: 'sum', detail: 'the percentages must add up to 100, not 90' },
      { field: 'draft.nodes[1]', rule: 'reachable', detail: "no path leads to node 'random_1'" },
      { field: 'draft.trigger.event', rule: 'required', detail: 'must name an event' },
      { field: 'draft.goal.withinDays', rule: 'range', detail: 'must be a whole number from 1 to 365' },
      { field: 'draft.nodes', rule: 'no-instant-loop', detail: 'the nodes [a, b] form a loop without a wait' },
      { field: 'draft.nodes[7].next', rule: 'exists', detail: 'names no node' },
    ],
    checked,
  );

  it('are placed on the node their field names, by its index in the graph that was checked', () => {
    expect(placed.slice(0, 4)).toEqual([
      { at: 'wait_1', field: 'duration', rule: 'range', detail: 'must be longer than 0 and at most 400 days' },
      { at: 'random_1', field: 'branches[0].next', rule: 'exists', detail: 'names no node' },
      { at: 'random_1', field: 'branches', rule: 'sum', detail: 'the percentages must add up to 100, not 90' },
      { at: 'random_1', field: '', rule: 'reachable', detail: "no path leads to node 'random_1'" },
    ]);
  });

  it("are placed on the trigger when they concern the journey's own settings", () => {
    expect(placed[4]).toMatchObject({ at: TRIGGER, field: 'trigger.event' });
    expect(placed[5]).toMatchObject({ at: TRIGGER, field: 'goal.withinDays' });
  });

  it('concern the whole graph when they name no node that was checked', () => {
    expect(placed[6]).toMatchObject({ at: undefined, field: 'nodes' });
    expect(placed[7]).toMatchObject({ at: undefined, field: 'nodes[7].next' });
  });

  it('are grouped by where they stand', () => {
    const places = problemsByPlace(placed);
    expect(places.get('random_1')).toHaveLength(3);
    expect(places.get(TRIGGER)).toHaveLength(2);
    expect([...places.keys()].sort()).toEqual([TRIGGER, 'random_1', 'wait_1'].sort());
  });
});
