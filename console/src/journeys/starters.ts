import type { JourneyGraph } from './graph';
import { layoutGraph } from './layout';

/** The shapes a new journey can start from; each is a graph the server accepts as it is. */
export type Starter = 'empty' | 'delayed' | 'awaitOrder' | 'abTest';

export const STARTERS: readonly Starter[] = ['empty', 'delayed', 'awaitOrder', 'abTest'];

function shape(starter: Starter): JourneyGraph {
  switch (starter) {
    case 'empty':
      return { trigger: { type: 'api' }, reentry: { mode: 'once' }, first: 'exit_1', nodes: [{ id: 'exit_1', type: 'exit' }] };
    case 'delayed':
      return {
        trigger: { type: 'event', event: 'Signed Up', where: [] },
        reentry: { mode: 'once' },
        first: 'wait_1',
        nodes: [
          { id: 'wait_1', type: 'wait', duration: 'P1D', next: 'action_1' },
          { id: 'action_1', type: 'action', action: 'set_trait', config: { trait: 'welcomed', value: 'yes' }, next: 'exit_1' },
          { id: 'exit_1', type: 'exit' },
        ],
      };
    case 'awaitOrder':
      return {
        trigger: { type: 'event', event: 'Product Viewed', where: [] },
        reentry: { mode: 'once_per_days', days: 30 },
        goal: { event: 'Order Completed', withinDays: 7 },
        first: 'await_1',
        nodes: [
          { id: 'await_1', type: 'wait_event', event: 'Order Completed', timeout: 'P3D', onEvent: 'exit_1', onTimeout: 'action_1' },
          { id: 'action_1', type: 'action', action: 'set_trait', config: { trait: 'needs_nudge', value: true }, next: 'exit_2' },
          { id: 'exit_1', type: 'exit' },
          { id: 'exit_2', type: 'exit' },
        ],
      };
    case 'abTest':
      return {
        trigger: { type: 'api' },
        reentry: { mode: 'once' },
        controlPercent: 10,
        goal: { event: 'Order Completed', withinDays: 14 },
        first: 'random_1',
        nodes: [
          {
            id: 'random_1',
            type: 'split_random',
            branches: [
              { percent: 50, next: 'action_1' },
              { percent: 50, next: 'action_2' },
            ],
          },
          { id: 'action_1', type: 'action', action: 'set_trait', config: { trait: 'variant', value: 'a' }, next: 'exit_1' },
          { id: 'action_2', type: 'action', action: 'set_trait', config: { trait: 'variant', value: 'b' }, next: 'exit_1' },
          { id: 'exit_1', type: 'exit' },
        ],
      };
  }
}

/** A starting shape's graph, its cards already laid out. */
export function starterGraph(starter: Starter): JourneyGraph {
  return layoutGraph(shape(starter));
}
