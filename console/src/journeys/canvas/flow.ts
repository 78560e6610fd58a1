import { MarkerType, type Edge } from '@xyflow/react';
import type { JourneyCatalog } from '../catalog';
import { graphEdges, outlets, TRIGGER, type JourneyGraph, type Outlet } from '../graph';
import type { PlacedProblem } from '../problems';
import { NO_COUNTS, type Counts } from '../measure';
import type { StepNode, TriggerNode } from './cards';

export type CanvasNode = StepNode | TriggerNode;

export interface Decorations {
  catalog: JourneyCatalog;
  problems: ReadonlyMap<string, PlacedProblem[]>;
  /** Live counts by node, when the live version is shown. */
  counts?: ReadonlyMap<string, Counts>;
  entered?: number;
  selected?: string;
  editable: boolean;
}

const ORIGIN = { x: 0, y: 0 };

/** The canvas's cards for a graph: the trigger, then every node where it was placed. */
export function flowNodes(graph: JourneyGraph, decorations: Decorations): CanvasNode[] {
  const { catalog, problems, counts, entered, selected, editable } = decorations;
  const trigger: TriggerNode = {
    id: TRIGGER,
    type: 'trigger',
    position: graph.triggerPosition ?? ORIGIN,
    deletable: false,
    selected: selected === TRIGGER,
    draggable: editable,
    data: { graph, catalog, problems: problems.get(TRIGGER) ?? [], entered },
  };
  return [
    trigger,
    ...graph.nodes.map(
      (node): StepNode => ({
        id: node.id,
        type: 'step',
        position: node.position ?? ORIGIN,
        deletable: editable,
        selected: selected === node.id,
        draggable: editable,
        data: {
          node,
          catalog,
          problems: problems.get(node.id) ?? [],
          counts: counts ? (counts.get(node.id) ?? NO_COUNTS) : undefined,
        },
      }),
    ),
  ];
}

/** The canvas's arrows for a graph, each labelled with its way out when a node has more than one. */
export function flowEdges(
  graph: JourneyGraph,
  label: (outlet: Outlet) => string,
  selectedEdge: string | undefined,
  editable: boolean,
): Edge[] {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  return graphEdges(graph).map((edge) => {
    const source = nodes.get(edge.source);
    const ways = source ? outlets(source) : [];
    const outlet = ways.find((way) => way.handle === edge.sourceHandle);
    return {
      ...edge,
      type: 'smoothstep',
      selected: edge.id === selectedEdge,
      deletable: editable,
      label: outlet && ways.length > 1 ? label(outlet) : undefined,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      className: `jc-edge jc-edge-${edge.sourceHandle.startsWith('branch-') || edge.sourceHandle.startsWith('variant-') ? 'branch' : edge.sourceHandle}`,
    };
  });
}
