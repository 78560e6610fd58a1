import { describe, expect, it } from 'vitest';
import {
  addNode,
  connect,
  graphEdges,
  moveNodes,
  outletField,
  outlets,
  readGraph,
  removeEdge,
  removeNode,
  TRIGGER,
  withoutPositions,
  type JourneyGraph,
} from './graph';
import { clearOf, layoutGraph, needsLayout, CARD } from './layout';
import { STARTERS, starterGraph } from './starters';

const graph: JourneyGraph = {
  trigger: { type: 'event', event: 'Signed Up', where: [] },
  first: 'hello',
  nodes: [
    { id: 'hello', type: 'action', action: 'send_message', config: { template: 'welcome-1' }, next: 'order' },
    { id: 'order', type: 'wait_event', event: 'Order Completed', timeout: 'P3D', onEvent: null, onTimeout: 'nudge' },
    { id: 'nudge', type: 'split_segment', segment: 12, yes: 'bye', no: 'remind' },
    { id: 'remind', type: 'split_random', branches: [{ percent: 50, next: 'bye' }, { percent: 50, next: null }] },
    { id: 'bye', type: 'exit' },
  ],
};

describe('the canvas arrows', () => {
  it('are every way out that leads to a node, the trigger first', () => {
    expect(graphEdges(graph).map((edge) => `${edge.source}.${edge.sourceHandle}->${edge.target}`)).toEqual([
      `${TRIGGER}.first->hello`,
      'hello.next->order',
      'order.onTimeout->nudge',
      'nudge.yes->bye',
      'nudge.no->remind',
      'remind.branch-0->bye',
    ]);
  });

  it('leave out ways that lead nowhere or to a node that is gone', () => {
    const broken = { ...graph, first: 'missing' };
    expect(graphEdges(broken).some((edge) => edge.source === TRIGGER)).toBe(false);
  });
});

describe('connecting', () => {
  it('sets the field of the handle dragged from', () => {
    const changed = connect(graph, 'order', 'onEvent', 'bye');
    expect(changed.nodes[1]).toMatchObject({ onEvent: 'bye', onTimeout: 'nudge' });
    expect(connect(graph, 'remind', 'branch-1', 'hello').nodes[3]).toMatchObject({
      branches: [{ percent: 50, next: 'bye' }, { percent: 50, next: 'hello' }],
    });
    expect(connect(graph, 'nudge', 'no', 'bye').nodes[2]).toMatchObject({ yes: 'bye', no: 'bye' });
  });

  it("sets the graph's first node from the trigger, and never leads into the trigger", () => {
    expect(connect(graph, TRIGGER, 'first', 'order').first).toBe('order');
    expect(connect(graph, 'hello', 'next', TRIGGER)).toBe(graph);
  });

  it('leaves a node alone when the handle is not one of its own', () => {
    expect(connect(graph, 'hello', 'yes', 'bye').nodes[0]).toEqual(graph.nodes[0]);
    expect(connect(graph, 'remind', 'branch-5', 'bye').nodes[3]).toEqual(graph.nodes[3]);
  });

  it('takes an arrow away by its id', () => {
    expect(removeEdge(graph, 'nudge:yes').nodes[2]).toMatchObject({ yes: null, no: 'remind' });
    expect(removeEdge(graph, `${TRIGGER}:first`).first).toBeNull();
  });
});

describe('removing a node', () => {
  it('drops it and every way that led to it', () => {
    const changed = removeNode(graph, 'bye');
    expect(changed.nodes.map((node) => node.id)).toEqual(['hello', 'order', 'nudge', 'remind']);
    expect(changed.nodes[2]).toMatchObject({ yes: null, no: 'remind' });
    expect(changed.nodes[3]).toMatchObject({ branches: [{ percent: 50, next: null }, { percent: 50, next: null }] });
    expect(removeNode(graph, 'hello').first).toBeNull();
  });
});

describe('adding a node', () => {
  it('gives it the first free id of its type, settings that read and no way out yet', () => {
    const once = addNode(graph, 'wait', { x: 10, y: 20 });
    expect(once.id).toBe('wait_1');
    expect(once.graph.nodes.at(-1)).toEqual({ id: 'wait_1', type: 'wait', duration: 'P1D', next: null, position: { x: 10, y: 20 } });
    expect(addNode(once.graph, 'wait', { x: 0, y: 0 }).id).toBe('wait_2');
    expect(addNode(graph, 'split_random', { x: 0, y: 0 }).graph.nodes.at(-1)).toMatchObject({
      branches: [{ percent: 50 }, { percent: 50 }],
    });
  });
});

describe('positions', () => {
  it('move with the cards, the trigger too, and are left out when comparing graphs', () => {
    const moved = moveNodes(graph, new Map([[TRIGGER, { x: 1, y: 2 }], ['order', { x: 3, y: 4 }]]));
    expect(moved.triggerPosition).toEqual({ x: 1, y: 2 });
    expect(moved.nodes[1].position).toEqual({ x: 3, y: 4 });
    expect(withoutPositions(moved)).toEqual(graph);
  });

  it('are laid out top to bottom without overlaps when a graph has none', () => {
    expect(needsLayout(graph)).toBe(true);
    const laid = layoutGraph(graph);
    expect(needsLayout(laid)).toBe(false);
    const hello = laid.nodes[0].position!;
    expect(hello.y).toBeGreaterThan(laid.triggerPosition!.y);
    expect(laid.nodes[1].position!.y).toBeGreaterThan(hello.y);
    const boxes = [laid.triggerPosition!, ...laid.nodes.map((node) => node.position!)];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= CARD.width || Math.abs(a.y - b.y) >= CARD.height;
        expect(apart).toBe(true);
      }
    }
  });
});

describe('a dropped card', () => {
  const laid = layoutGraph(graph);

  it('stays where it was dropped when it covers no card', () => {
    const free = { x: laid.triggerPosition!.x + 3 * CARD.width, y: laid.triggerPosition!.y };
    expect(clearOf(laid, free)).toEqual(free);
  });

  it('moves aside until it covers no card', () => {
    const onTop = laid.nodes[0].position!;
    const placed = clearOf(laid, onTop);
    expect(placed).not.toEqual(onTop);
    for (const position of [laid.triggerPosition!, ...laid.nodes.map((node) => node.position!)]) {
      expect(Math.abs(position.x - placed.x) >= CARD.width || Math.abs(position.y - placed.y) >= CARD.height).toBe(true);
    }
  });
});

describe('reading a graph', () => {
  it('keeps what the server holds and makes up for what is not a graph', () => {
    expect(readGraph(graph)).toEqual(graph);
    expect(readGraph(null)).toEqual({ trigger: { type: 'api' }, nodes: [] });
    expect(readGraph({ first: 'x' })).toEqual({ first: 'x', trigger: { type: 'api' }, nodes: [] });
  });
});

describe('starting shapes', () => {
  it('lead from the trigger through every node', () => {
    for (const starter of STARTERS) {
      const shape = starterGraph(starter);
      const reached = new Set(graphEdges(shape).map((edge) => edge.target));
      expect(shape.nodes.every((node) => reached.has(node.id)), starter).toBe(true);
      expect(needsLayout(shape)).toBe(false);
    }
  });
});

describe('the condition and experiment splits', () => {
  const splits: JourneyGraph = {
    trigger: { type: 'stage_changed', model: 'value', to: 'dormant' },
    first: 'vip',
    nodes: [
      { id: 'vip', type: 'split_condition', condition: { type: 'tag', tag: 'VIP' }, yes: 'ab', no: null },
      {
        id: 'ab',
        type: 'split_experiment',
        variants: [
          { name: 'plain', percent: 50, next: 'bye' },
          { name: 'coupon', percent: 50, next: null },
        ],
      },
      { id: 'bye', type: 'exit' },
    ],
  };

  it('draw a way out for yes and no, and one for each variant', () => {
    expect(graphEdges(splits).map((edge) => `${edge.source}.${edge.sourceHandle}->${edge.target}`)).toEqual([
      `${TRIGGER}.first->vip`,
      'vip.yes->ab',
      'ab.variant-0->bye',
    ]);
  });

  it('connect a variant to a node and lose it when the node is removed', () => {
    const connected = connect(splits, 'ab', 'variant-1', 'bye');
    expect(connected.nodes[1]).toMatchObject({ variants: [{ next: 'bye' }, { name: 'coupon', next: 'bye' }] });
    expect(removeNode(connected, 'bye').nodes[1]).toMatchObject({ variants: [{ next: null }, { next: null }] });
  });

  it('name the fields of their ways out as the server does', () => {
    expect(outletField('variant-1')).toBe('variants[1].next');
    expect(outletField('branch-0')).toBe('branches[0].next');
    expect(outletField('yes')).toBe('yes');
  });

  it('are added by the palette with settings the server reads', () => {
    const { graph: added } = addNode(addNode(splits, 'split_experiment', { x: 0, y: 0 }).graph, 'split_condition', { x: 0, y: 0 });
    expect(added.nodes.map((node) => node.id)).toEqual(['vip', 'ab', 'bye', 'experiment_1', 'condition_1']);
    expect(added.nodes[3]).toMatchObject({ variants: [{ name: 'a', percent: 50 }, { name: 'b', percent: 50 }] });
    expect(added.nodes[4]).toMatchObject({ condition: { type: 'fact', fact: 'order_count' } });
  });

  it('wait until a time of day or for the best hour, with one way out', () => {
    const { graph: once } = addNode(splits, 'wait_until', { x: 0, y: 0 });
    const { graph: twice } = addNode(once, 'wait_best_hour', { x: 0, y: 0 });
    const [at, best] = twice.nodes.slice(-2);
    expect(at).toMatchObject({ id: 'at_1', type: 'wait_until', time: '09:00', next: null });
    expect(best).toMatchObject({ id: 'best_1', type: 'wait_best_hour', within: 'P1D', next: null });
    expect(outlets(best).map((outlet) => outlet.handle)).toEqual(['next']);
    const linked = connect(twice, 'at_1', 'next', 'best_1');
    expect(linked.nodes.find((node) => node.id === 'at_1')).toMatchObject({ next: 'best_1' });
    expect(removeNode(linked, 'best_1').nodes.find((node) => node.id === 'at_1')).toMatchObject({ next: null });
  });
});
