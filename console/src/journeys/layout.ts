import dagre from '@dagrejs/dagre';
import { graphEdges, TRIGGER, type JourneyGraph, type Position } from './graph';

/** The size the canvas draws a card at, for laying cards out without overlaps. */
export const CARD = { width: 248, height: 118 };

/** Whether some card has no place yet (a graph made through the API, or before the canvas kept places). */
export function needsLayout(graph: JourneyGraph): boolean {
  return !graph.triggerPosition || graph.nodes.some((node) => !node.position);
}

/**
 * Places every card top to bottom along the arrows (dagre's layered layout), the trigger on top, branches side by
 * side; positions are the cards' top-left corners, as the canvas takes them.
 */
export function layoutGraph(graph: JourneyGraph): JourneyGraph {
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 72, marginx: 24, marginy: 24 });
  layout.setDefaultEdgeLabel(() => ({}));
  layout.setNode(TRIGGER, { width: CARD.width, height: CARD.height });
  for (const node of graph.nodes) {
    layout.setNode(node.id, { width: CARD.width, height: CARD.height });
  }
  for (const edge of graphEdges(graph)) {
    layout.setEdge(edge.source, edge.target);
  }
  dagre.layout(layout);
  const place = (id: string): Position => {
    const { x, y } = layout.node(id);
    return { x: Math.round(x - CARD.width / 2), y: Math.round(y - CARD.height / 2) };
  };
  return {
    ...graph,
    triggerPosition: place(TRIGGER),
    nodes: graph.nodes.map((node) => ({ ...node, position: place(node.id) })),
  };
}

/** Where a card added without a drop point goes: below the lowest card, so that it covers none. */
export function freePosition(graph: JourneyGraph): Position {
  const positions = [graph.triggerPosition, ...graph.nodes.map((node) => node.position)].filter(
    (position): position is Position => position !== undefined,
  );
  if (positions.length === 0) {
    return { x: 0, y: 0 };
  }
  const lowest = Math.max(...positions.map((position) => position.y));
  const left = Math.min(...positions.map((position) => position.x));
  return { x: left, y: lowest + CARD.height + 56 };
}

const GAP = 24;

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < CARD.width + GAP && Math.abs(a.y - b.y) < CARD.height + GAP;
}

/** Where a card dropped at a place goes: there, or the nearest place a card's step away that covers no other card. */
export function clearOf(graph: JourneyGraph, wanted: Position): Position {
  const taken = [graph.triggerPosition, ...graph.nodes.map((node) => node.position)].filter(
    (position): position is Position => position !== undefined,
  );
  const steps: Position[] = [];
  for (let row = 0; row <= 8; row++) {
    for (let column = -3; column <= 3; column++) {
      steps.push({ x: column * (CARD.width + GAP), y: row * (CARD.height + GAP) });
    }
  }
  steps.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));
  for (const step of steps) {
    const candidate = { x: wanted.x + step.x, y: wanted.y + step.y };
    if (!taken.some((position) => overlaps(position, candidate))) {
      return candidate;
    }
  }
  return wanted;
}
