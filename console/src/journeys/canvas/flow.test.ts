import { describe, expect, it } from 'vitest';
import type { JourneyCatalog } from '../catalog';
import { TRIGGER, type JourneyGraph } from '../graph';
import { flowEdges, flowNodes } from './flow';

const catalog: JourneyCatalog = { events: [], segments: [], tags: [], models: [], actions: [], templates: [], webhooks: [] };
const graph: JourneyGraph = {
  trigger: { type: 'api' },
  first: 'split',
  triggerPosition: { x: 0, y: 0 },
  nodes: [
    { id: 'split', type: 'split_segment', segment: 3, yes: 'mail', no: 'bye', position: { x: 0, y: 200 } },
    { id: 'mail', type: 'action', action: 'send_message', config: { template: 'hello' }, next: 'bye', position: { x: -150, y: 400 } },
    { id: 'bye', type: 'exit', position: { x: 150, y: 400 } },
  ],
};

describe('the cards', () => {
  it('are the trigger, which cannot be deleted, and every node where it stands, with its problems', () => {
    const problem = { at: 'mail', field: 'config.template', detail: 'no template with this key' };
    const nodes = flowNodes(graph, { catalog, problems: new Map([['mail', [problem]]]), selected: 'split', editable: true });
    expect(nodes.map((node) => [node.id, node.type, node.position])).toEqual([
      [TRIGGER, 'trigger', { x: 0, y: 0 }],
      ['split', 'step', { x: 0, y: 200 }],
      ['mail', 'step', { x: -150, y: 400 }],
      ['bye', 'step', { x: 150, y: 400 }],
    ]);
    expect(nodes[0].deletable).toBe(false);
    expect(nodes[1].selected).toBe(true);
    expect(nodes[2].data.problems).toEqual([problem]);
    expect(nodes[3].data.problems).toEqual([]);
  });

  it('carry live counts, none passed for a node the report does not name yet', () => {
    const counts = new Map([['split', { passed: 5, waiting: 0, exited: 0 }]]);
    const nodes = flowNodes(graph, { catalog, problems: new Map(), counts, entered: 5, editable: false });
    expect(nodes.slice(1).map((node) => node.data.counts)).toEqual([
      { passed: 5, waiting: 0, exited: 0 },
      { passed: 0, waiting: 0, exited: 0 },
      { passed: 0, waiting: 0, exited: 0 },
    ]);
    expect(nodes[0].data.entered).toBe(5);
    expect(nodes.every((node) => node.draggable === false)).toBe(true);
  });
});

describe('the arrows', () => {
  it('are labelled with their way out when a node has more than one', () => {
    const edges = flowEdges(graph, (outlet) => outlet.handle.toUpperCase(), 'split:no', true);
    expect(edges.map((edge) => [edge.id, edge.source, edge.sourceHandle, edge.target, edge.label])).toEqual([
      [`${TRIGGER}:first`, TRIGGER, 'first', 'split', undefined],
      ['split:yes', 'split', 'yes', 'mail', 'YES'],
      ['split:no', 'split', 'no', 'bye', 'NO'],
      ['mail:next', 'mail', 'next', 'bye', undefined],
    ]);
    expect(edges.find((edge) => edge.selected)?.id).toBe('split:no');
  });
});
