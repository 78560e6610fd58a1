/**
 * A journey's graph as the server keeps it (docs/journeys.md), and the edits the canvas makes to it. The graph itself is
 * the canvas's state: every drag, connection and setting changes the graph, and the canvas is drawn from it again. The
 * server ignores fields it does not know, so each node carries its place on the canvas in `position`, and the trigger
 * its own in `triggerPosition`.
 */

export interface Position {
  x: number;
  y: number;
}

export type NodeType =
  | 'wait'
  | 'wait_until'
  | 'wait_best_hour'
  | 'wait_event'
  | 'split_segment'
  | 'split_condition'
  | 'split_random'
  | 'split_experiment'
  | 'action'
  | 'exit';

export const NODE_TYPES: readonly NodeType[] = [
  'wait',
  'wait_until',
  'wait_best_hour',
  'wait_event',
  'split_segment',
  'split_condition',
  'split_random',
  'split_experiment',
  'action',
  'exit',
];

/** Where a customer goes next: a node's id, or nothing to end the journey there as completed. */
export type Target = string | null | undefined;

interface NodeBase {
  id: string;
  position?: Position;
}

export interface WaitNode extends NodeBase {
  type: 'wait';
  duration: string;
  next?: Target;
}

/** The days of the week a `wait_until` may name, Monday first. */
export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WaitUntilNode extends NodeBase {
  type: 'wait_until';
  /** A time of day in the customer's time zone, `09:30`. */
  time: string;
  /** The days it may be on; any day when absent. */
  days?: Weekday[];
  next?: Target;
}

export interface WaitBestHourNode extends NodeBase {
  type: 'wait_best_hour';
  /** The window to find the customer's best hour in, an ISO-8601 duration from PT1H to P7D. */
  within: string;
  next?: Target;
}

export interface WaitEventNode extends NodeBase {
  type: 'wait_event';
  event: string;
  timeout: string;
  onEvent?: Target;
  onTimeout?: Target;
}

export interface SplitSegmentNode extends NodeBase {
  type: 'split_segment';
  segment: number | null;
  yes?: Target;
  no?: Target;
}

/** A condition of the audience's condition language (docs/segments.md), as a segment's `definition.condition`. */
export type Condition = Record<string, unknown>;

export interface SplitConditionNode extends NodeBase {
  type: 'split_condition';
  condition: Condition | null;
  yes?: Target;
  no?: Target;
}

export interface Branch {
  percent: number;
  next?: Target;
}

export interface SplitRandomNode extends NodeBase {
  type: 'split_random';
  branches: Branch[];
}

export interface Variant {
  name: string;
  percent: number;
  next?: Target;
}

export interface SplitExperimentNode extends NodeBase {
  type: 'split_experiment';
  variants: Variant[];
}

export interface ActionNode extends NodeBase {
  type: 'action';
  action: string;
  config: Record<string, unknown>;
  next?: Target;
}

export interface ExitNode extends NodeBase {
  type: 'exit';
}

export type JourneyNode =
  | WaitNode
  | WaitUntilNode
  | WaitBestHourNode
  | WaitEventNode
  | SplitSegmentNode
  | SplitConditionNode
  | SplitRandomNode
  | SplitExperimentNode
  | ActionNode
  | ExitNode;

export type FilterOperator = 'equals' | 'not_equals' | 'at_least' | 'at_most';

export interface PropertyFilter {
  property: string;
  operator: FilterOperator;
  value: string | number | boolean;
}

export type Trigger =
  | { type: 'event'; event: string; where?: PropertyFilter[] }
  | { type: 'segment_entered'; segment: number | null }
  | { type: 'segment_left'; segment: number | null }
  | { type: 'stage_changed'; model: string; to?: string | null }
  | { type: 'api' }
  | { type: 'schedule'; segment: number | null; at?: string | null; cron?: string | null; zone?: string | null }
  | { type: 'date'; attribute: string; offsetDays?: number; at?: string };

/** The date attributes a date trigger offers by name; any trait holding a date may be typed instead. */
export const DATE_ATTRIBUTES = ['birthday', 'last_order'] as const;

export type ReentryMode = 'once' | 'once_per_days' | 'always';

export interface JourneyGraph {
  trigger: Trigger;
  reentry?: { mode: ReentryMode; days?: number };
  capPerDay?: number | null;
  start?: string | null;
  end?: string | null;
  controlPercent?: number | null;
  goal?: { event: string; withinDays: number } | null;
  first?: string | null;
  nodes: JourneyNode[];
  triggerPosition?: Position;
}

/** The id the canvas gives the trigger; node ids start with a letter, so it names no node. */
export const TRIGGER = '@trigger';
/** The trigger's one way out: it sets the graph's `first`. */
export const FIRST = 'first';

/** One way out of a node: the handle it is drawn from, and where it leads. */
export interface Outlet {
  handle: string;
  target: Target;
  /** The share of customers a random branch or a variant takes. */
  percent?: number;
  /** A variant's name. */
  name?: string;
}

/** A node's ways out, in the order the card draws them from left to right. */
export function outlets(node: JourneyNode): Outlet[] {
  switch (node.type) {
    case 'wait':
    case 'wait_until':
    case 'wait_best_hour':
    case 'action':
      return [{ handle: 'next', target: node.next }];
    case 'wait_event':
      return [
        { handle: 'onEvent', target: node.onEvent },
        { handle: 'onTimeout', target: node.onTimeout },
      ];
    case 'split_segment':
    case 'split_condition':
      return [
        { handle: 'yes', target: node.yes },
        { handle: 'no', target: node.no },
      ];
    case 'split_random':
      return node.branches.map((branch, index) => ({ handle: branchHandle(index), target: branch.next, percent: branch.percent }));
    case 'split_experiment':
      return node.variants.map((variant, index) => ({
        handle: variantHandle(index),
        target: variant.next,
        percent: variant.percent,
        name: variant.name,
      }));
    case 'exit':
      return [];
  }
}

export function branchHandle(index: number): string {
  return `branch-${index}`;
}

export function variantHandle(index: number): string {
  return `variant-${index}`;
}

function handleIndex(prefix: string, handle: string): number | undefined {
  const match = new RegExp(`^${prefix}-(\\d+)$`).exec(handle);
  return match ? Number(match[1]) : undefined;
}

/** The field of the graph a way out of a node sets: `next`, `yes`, `branches[1].next`, `variants[0].next`. */
export function outletField(handle: string): string {
  const branch = handleIndex('branch', handle);
  const variant = handleIndex('variant', handle);
  return branch !== undefined ? `branches[${branch}].next` : variant !== undefined ? `variants[${variant}].next` : handle;
}

/** The node with this way out pointed at a target (or at nothing). */
export function withOutlet(node: JourneyNode, handle: string, target: Target): JourneyNode {
  const to = target ?? null;
  switch (node.type) {
    case 'wait':
    case 'wait_until':
    case 'wait_best_hour':
    case 'action':
      return handle === 'next' ? { ...node, next: to } : node;
    case 'wait_event':
      return handle === 'onEvent' || handle === 'onTimeout' ? { ...node, [handle]: to } : node;
    case 'split_segment':
    case 'split_condition':
      return handle === 'yes' || handle === 'no' ? { ...node, [handle]: to } : node;
    case 'split_random': {
      const index = handleIndex('branch', handle);
      if (index === undefined || index >= node.branches.length) {
        return node;
      }
      return { ...node, branches: node.branches.map((branch, i) => (i === index ? { ...branch, next: to } : branch)) };
    }
    case 'split_experiment': {
      const index = handleIndex('variant', handle);
      if (index === undefined || index >= node.variants.length) {
        return node;
      }
      return { ...node, variants: node.variants.map((variant, i) => (i === index ? { ...variant, next: to } : variant)) };
    }
    case 'exit':
      return node;
  }
}

/** The graph with a way out (the trigger's `first`, or a node's handle) pointed at a target, or at nothing. */
export function connect(graph: JourneyGraph, source: string, handle: string, target: Target): JourneyGraph {
  if (target === TRIGGER) {
    return graph;
  }
  if (source === TRIGGER) {
    return { ...graph, first: target ?? null };
  }
  return { ...graph, nodes: graph.nodes.map((node) => (node.id === source ? withOutlet(node, handle, target) : node)) };
}

/** The graph without a node: every way that led to it now leads nowhere. */
export function removeNode(graph: JourneyGraph, id: string): JourneyGraph {
  const unlinked = (target: Target) => (target === id ? null : target);
  return {
    ...graph,
    first: unlinked(graph.first),
    nodes: graph.nodes
      .filter((node) => node.id !== id)
      .map((node) => outlets(node).reduce((changed, outlet) => withOutlet(changed, outlet.handle, unlinked(outlet.target)), node)),
  };
}

const ID_PREFIX: Record<NodeType, string> = {
  wait: 'wait',
  wait_until: 'at',
  wait_best_hour: 'best',
  wait_event: 'await',
  split_segment: 'segment',
  split_condition: 'condition',
  split_random: 'random',
  split_experiment: 'experiment',
  action: 'action',
  exit: 'exit',
};

/** A new node's id: its type's prefix and the lowest number no node of the graph has taken. */
export function freshId(graph: JourneyGraph, type: NodeType): string {
  const taken = new Set(graph.nodes.map((node) => node.id));
  for (let n = 1; ; n++) {
    const id = `${ID_PREFIX[type]}_${n}`;
    if (!taken.has(id)) {
      return id;
    }
  }
}

/** A node of a type as the palette makes it: settings that read, and no ways out yet. */
export function newNode(id: string, type: NodeType, position: Position): JourneyNode {
  switch (type) {
    case 'wait':
      return { id, type, duration: 'P1D', next: null, position };
    case 'wait_until':
      return { id, type, time: '09:00', next: null, position };
    case 'wait_best_hour':
      return { id, type, within: 'P1D', next: null, position };
    case 'wait_event':
      return { id, type, event: '', timeout: 'P3D', onEvent: null, onTimeout: null, position };
    case 'split_segment':
      return { id, type, segment: null, yes: null, no: null, position };
    case 'split_condition':
      return { id, type, condition: { type: 'fact', fact: 'order_count', operator: 'at_least', value: 1 }, yes: null, no: null, position };
    case 'split_random':
      return { id, type, branches: [{ percent: 50, next: null }, { percent: 50, next: null }], position };
    case 'split_experiment':
      return {
        id,
        type,
        variants: [
          { name: 'a', percent: 50, next: null },
          { name: 'b', percent: 50, next: null },
        ],
        position,
      };
    case 'action':
      return { id, type, action: 'send_message', config: { template: '' }, next: null, position };
    case 'exit':
      return { id, type, position };
  }
}

export function addNode(graph: JourneyGraph, type: NodeType, position: Position): { graph: JourneyGraph; id: string } {
  const id = freshId(graph, type);
  return { graph: { ...graph, nodes: [...graph.nodes, newNode(id, type, position)] }, id };
}

/** The graph with one node replaced (found by its id). */
export function replaceNode(graph: JourneyGraph, node: JourneyNode): JourneyGraph {
  return { ...graph, nodes: graph.nodes.map((existing) => (existing.id === node.id ? node : existing)) };
}

/** The graph with nodes (and the trigger) moved to where they were dropped. */
export function moveNodes(graph: JourneyGraph, moved: ReadonlyMap<string, Position>): JourneyGraph {
  if (moved.size === 0) {
    return graph;
  }
  const trigger = moved.get(TRIGGER);
  return {
    ...graph,
    triggerPosition: trigger ?? graph.triggerPosition,
    nodes: graph.nodes.map((node) => {
      const position = moved.get(node.id);
      return position ? { ...node, position } : node;
    }),
  };
}

/** An arrow of the canvas: a way out of the trigger or of a node, and the node it leads to. */
export interface GraphEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
}

export function edgeId(source: string, handle: string): string {
  return `${source}:${handle}`;
}

/** Every way out that leads to a node of the graph, as an arrow. */
export function graphEdges(graph: JourneyGraph): GraphEdge[] {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const edges: GraphEdge[] = [];
  if (graph.first && ids.has(graph.first)) {
    edges.push({ id: edgeId(TRIGGER, FIRST), source: TRIGGER, sourceHandle: FIRST, target: graph.first });
  }
  for (const node of graph.nodes) {
    for (const outlet of outlets(node)) {
      if (outlet.target && ids.has(outlet.target)) {
        edges.push({ id: edgeId(node.id, outlet.handle), source: node.id, sourceHandle: outlet.handle, target: outlet.target });
      }
    }
  }
  return edges;
}

/** The graph with the arrow of this id taken away: its way out leads nowhere. */
export function removeEdge(graph: JourneyGraph, id: string): JourneyGraph {
  const separator = id.lastIndexOf(':');
  return connect(graph, id.slice(0, separator), id.slice(separator + 1), null);
}

/** The graph as the server should see it: without the canvas's positions, for comparing what changed. */
export function withoutPositions(graph: JourneyGraph): JourneyGraph {
  const { triggerPosition: _omitted, ...rest } = graph;
  return { ...rest, nodes: graph.nodes.map(({ position: _position, ...node }) => node as JourneyNode) };
}

/** Reads whatever the server holds as a graph; a value that is not one becomes an empty graph with an API trigger. */
export function readGraph(value: unknown): JourneyGraph {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { trigger: { type: 'api' }, nodes: [] };
  }
  const graph = value as Partial<JourneyGraph>;
  return {
    ...(graph as JourneyGraph),
    trigger: graph.trigger && typeof graph.trigger === 'object' ? graph.trigger : { type: 'api' },
    nodes: Array.isArray(graph.nodes) ? graph.nodes : [],
  };
}
