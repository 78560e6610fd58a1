import { CheckCircleFilled, LayoutOutlined, LoadingOutlined, WarningFilled } from '@ant-design/icons';
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../journeys.css';
import { Button, ConfigProvider, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { JourneyCatalog } from '../catalog';
import { NODE_HINT, NODE_LABEL, outletLabel } from '../describe';
import {
  addNode,
  connect,
  moveNodes,
  NODE_TYPES,
  removeEdge,
  removeNode,
  replaceNode,
  TRIGGER,
  type JourneyGraph,
  type NodeType,
  type Position,
} from '../graph';
import { CARD, clearOf, freePosition, layoutGraph } from '../layout';
import { problemsByPlace, type PlacedProblem } from '../problems';
import type { Counts } from '../measure';
import { NODE_COMPONENTS, nodeIcon } from './cards';
import { flowEdges, flowNodes, type CanvasNode } from './flow';
import { NodePanel } from './NodePanel';
import { TriggerPanel } from './TriggerPanel';

const DRAG_TYPE = 'application/x-siyu-journey-node';

export interface JourneyCanvasProps {
  graph: JourneyGraph;
  /** Absent for a graph shown as it is, such as a published version. */
  onChange?: (graph: JourneyGraph) => void;
  catalog: JourneyCatalog;
  problems: PlacedProblem[];
  /** The server is checking the graph as it is now. */
  checking?: boolean;
  counts?: ReadonlyMap<string, Counts>;
  entered?: number;
  /** Shown over the top left of the canvas, such as the live figures. */
  overlay?: ReactNode;
}

function Palette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const { t } = useI18n();
  const start = (event: DragEvent, type: NodeType) => {
    event.dataTransfer.setData(DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <div className="jc-palette" data-testid="journey-palette">
      <div className="jc-palette-title">{t('journey.palette')}</div>
      {NODE_TYPES.map((type) => (
        <Tooltip key={type} title={t(NODE_HINT[type])} placement="right">
          <div
            className={`jc-palette-item jc-${type}`}
            draggable
            onDragStart={(event) => start(event, type)}
            onClick={() => onAdd(type)}
            role="button"
            tabIndex={0}
            onKeyDown={(event) => (event.key === 'Enter' ? onAdd(type) : undefined)}
            data-testid={`palette-${type}`}
          >
            <span className="jc-icon">{nodeIcon({ type })}</span>
            <span>{t(NODE_LABEL[type])}</span>
          </div>
        </Tooltip>
      ))}
      <div className="jc-palette-help">{t('journey.paletteHelp')}</div>
    </div>
  );
}

function Checks({ problems, checking, onPick }: { problems: PlacedProblem[]; checking?: boolean; onPick: (at: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="jc-checks" data-testid="journey-checks" data-state={checking ? 'checking' : problems.length > 0 ? 'invalid' : 'valid'}>
      <div className="jc-checks-head">
        {checking ? (
          <>
            <LoadingOutlined /> {t('journey.checking')}
          </>
        ) : problems.length > 0 ? (
          <>
            <WarningFilled className="jc-checks-bad" /> {t('journey.problems', { count: problems.length })}
          </>
        ) : (
          <>
            <CheckCircleFilled className="jc-checks-good" /> {t('journey.valid')}
          </>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="jc-checks-list" data-testid="journey-problems">
          {problems.map((problem, index) => (
            <li key={index}>
              <button type="button" className="link-button" onClick={() => problem.at && onPick(problem.at)} disabled={!problem.at}>
                <span className="mono">{problem.at === TRIGGER ? t('journey.trigger') : (problem.at ?? t('journey.wholeGraph'))}</span>
                {problem.field ? <span className="muted"> · {problem.field}</span> : null}
              </button>
              <div>{problem.detail}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Canvas({ graph, onChange, catalog, problems, checking, counts, entered, overlay }: JourneyCanvasProps) {
  const { t } = useI18n();
  const flow = useReactFlow();
  const editable = onChange !== undefined;
  const [selected, setSelected] = useState<string>();
  const [selectedEdge, setSelectedEdge] = useState<string>();
  const placed = useMemo(() => problemsByPlace(problems), [problems]);

  const built = useMemo(
    () => flowNodes(graph, { catalog, problems: placed, counts, entered, selected, editable }),
    [graph, catalog, placed, counts, entered, selected, editable],
  );
  // React Flow keeps what it measured of each card on the nodes it is given: keep it across rebuilds
  const [nodes, setNodes] = useState<CanvasNode[]>(built);
  useEffect(() => {
    setNodes((previous) => {
      const measured = new Map(previous.map((node) => [node.id, node.measured]));
      return built.map((node) => ({ ...node, measured: measured.get(node.id) }));
    });
  }, [built]);
  const edges = useMemo(() => flowEdges(graph, (outlet) => outletLabel(t, outlet), selectedEdge, editable), [graph, t, selectedEdge, editable]);

  const change = useCallback((next: JourneyGraph) => onChange?.(next), [onChange]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
    for (const item of changes) {
      if (item.type === 'select' && item.selected) {
        setSelected(item.id);
        setSelectedEdge(undefined);
      }
    }
  }, []);
  // where cards were dropped becomes part of the graph once a drag ends
  const onNodeDragStop = useCallback(
    (_: unknown, _node: CanvasNode, moved: CanvasNode[]) =>
      change(moveNodes(graph, new Map(moved.map((node) => [node.id, node.position])))),
    [graph, change],
  );
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    for (const item of changes) {
      if (item.type === 'select') {
        setSelectedEdge(item.selected ? item.id : undefined);
      }
    }
  }, []);
  const onConnect = useCallback(
    (connection: Connection) => change(connect(graph, connection.source, connection.sourceHandle ?? 'next', connection.target)),
    [graph, change],
  );
  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: CanvasNode[]; edges: { id: string }[] }) => {
      let next = graph;
      for (const edge of cut) {
        next = removeEdge(next, edge.id);
      }
      for (const node of gone) {
        if (node.id !== TRIGGER) {
          next = removeNode(next, node.id);
        }
      }
      if (gone.some((node) => node.id === selected)) {
        setSelected(undefined);
      }
      setSelectedEdge(undefined);
      change(next);
    },
    [graph, change, selected],
  );

  const add = useCallback(
    (type: NodeType, wanted: Position) => {
      const position = clearOf(graph, wanted);
      const added = addNode(graph, type, position);
      change(added.graph);
      setSelected(added.id);
      // a card moved aside may have left the view: show every card again
      if (position.x !== wanted.x || position.y !== wanted.y) {
        window.setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), 50);
      }
    },
    [graph, change, flow],
  );
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(DRAG_TYPE) as NodeType;
    if (!editable || !NODE_TYPES.includes(type)) {
      return;
    }
    event.preventDefault();
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    add(type, { x: Math.round(point.x - CARD.width / 2), y: Math.round(point.y - 24) });
  };
  const tidy = () => {
    change(layoutGraph(graph));
    window.setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), 50);
  };

  const node = graph.nodes.find((candidate) => candidate.id === selected);
  return (
    <div className={`journey-canvas${editable ? '' : ' journey-canvas-readonly'}`} data-testid="journey-canvas">
      {editable && <Palette onAdd={(type) => add(type, freePosition(graph))} />}
      <div className="jc-flow" onDrop={onDrop} onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'move'; }}>
        <ReactFlow<CanvasNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_COMPONENTS}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onDelete={onDelete}
          onPaneClick={() => {
            setSelected(undefined);
            setSelectedEdge(undefined);
          }}
          isValidConnection={(connection) => connection.target !== TRIGGER && connection.source !== connection.target}
          nodesDraggable={editable}
          nodesConnectable={editable}
          edgesFocusable={editable}
          deleteKeyCode={editable ? ['Backspace', 'Delete'] : null}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          minZoom={0.3}
          maxZoom={1.5}
          proOptions={{ hideAttribution: true }}
          defaultEdgeOptions={{ type: 'smoothstep' }}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d0d7e2" />
          <Controls showInteractive={false} position="bottom-left" />
          <MiniMap pannable zoomable position="bottom-right" className="jc-minimap" nodeBorderRadius={8} style={{ width: 150, height: 96 }} />
        </ReactFlow>
        {overlay && <div className="jc-overlay">{overlay}</div>}
        {editable && (
          <Button className="jc-tidy" icon={<LayoutOutlined />} onClick={tidy} data-testid="journey-tidy">
            {t('journey.tidy')}
          </Button>
        )}
      </div>
      <aside className="jc-side">
        <ConfigProvider componentDisabled={!editable}>
          <div className="jc-side-body">
            {selected === TRIGGER ? (
              <TriggerPanel graph={graph} catalog={catalog} problems={placed.get(TRIGGER) ?? []} onChange={change} />
            ) : node ? (
              <NodePanel
                key={node.id}
                node={node}
                graph={graph}
                catalog={catalog}
                problems={placed.get(node.id) ?? []}
                onChange={(changed) => change(replaceNode(graph, changed))}
                onRemove={() => {
                  change(removeNode(graph, node.id));
                  setSelected(undefined);
                }}
                editable={editable}
              />
            ) : (
              <div className="jp-panel jp-empty" data-testid="canvas-help">
                <p>{t(editable ? 'journey.selectHelp' : 'journey.readOnlyHelp')}</p>
              </div>
            )}
          </div>
        </ConfigProvider>
        {editable && <Checks problems={problems} checking={checking} onPick={setSelected} />}
      </aside>
    </div>
  );
}

/**
 * The journey canvas: a palette to drag nodes from, the graph drawn as cards joined by arrows (the trigger on top), and
 * a side panel that sets up the selected card and lists what the server found wrong. Without `onChange` it shows a
 * graph as it is, with live counts when given.
 */
export function JourneyCanvas(props: JourneyCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
