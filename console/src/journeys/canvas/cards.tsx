import {
  BulbOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  ExperimentOutlined,
  FilterOutlined,
  ForkOutlined,
  HourglassOutlined,
  LogoutOutlined,
  PartitionOutlined,
  SendOutlined,
  TagOutlined,
  ThunderboltOutlined,
  ToolOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { JourneyCatalog } from '../catalog';
import { NODE_LABEL, nodeSummary, outletLabel, triggerSettings, triggerSummary } from '../describe';
import { FIRST, outlets, type JourneyGraph, type JourneyNode, type NodeType } from '../graph';
import { messageFigures, type Counts, type NodeMessages } from '../measure';
import type { PlacedProblem } from '../problems';


export interface StepData extends Record<string, unknown> {
  node: JourneyNode;
  catalog: JourneyCatalog;
  problems: PlacedProblem[];
  counts?: Counts;
}

export interface TriggerData extends Record<string, unknown> {
  graph: JourneyGraph;
  catalog: JourneyCatalog;
  problems: PlacedProblem[];
  /** Customers inside the live version now, when it is shown. */
  entered?: number;
}

export type StepNode = Node<StepData, 'step'>;
export type TriggerNode = Node<TriggerData, 'trigger'>;

export function nodeIcon(node: Pick<JourneyNode, 'type'> & { action?: string }): ReactNode {
  switch (node.type as NodeType) {
    case 'wait':
      return <ClockCircleOutlined />;
    case 'wait_until':
      return <FieldTimeOutlined />;
    case 'wait_best_hour':
      return <BulbOutlined />;
    case 'wait_event':
      return <HourglassOutlined />;
    case 'split_segment':
      return <PartitionOutlined />;
    case 'split_condition':
      return <FilterOutlined />;
    case 'split_random':
      return <ForkOutlined />;
    case 'split_experiment':
      return <ExperimentOutlined />;
    case 'action':
      return node.action === 'send_message' ? (
        <SendOutlined />
      ) : node.action === 'set_trait' || node.action === 'add_tag' || node.action === 'remove_tag' ? (
        <TagOutlined />
      ) : (
        <ToolOutlined />
      );
    case 'exit':
      return <LogoutOutlined />;
  }
}

function ProblemLine({ problems }: { problems: PlacedProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) {
    return null;
  }
  const [first] = problems;
  return (
    <div className="jc-problem" data-testid="node-problem" title={problems.map((p) => `${p.field}: ${p.detail}`).join('\n')}>
      <WarningFilled />
      <span>
        {first.field ? `${first.field}: ` : ''}
        {first.detail}
        {problems.length > 1 ? ` ${t('journey.moreProblems', { count: problems.length - 1 })}` : ''}
      </span>
    </div>
  );
}

function CountLine({ counts }: { counts: Counts }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <div
      className="jc-counts"
      data-testid="node-counts"
      data-passed={counts.passed}
      data-waiting={counts.waiting}
      data-exited={counts.exited}
    >
      <span>
        <b>{format.number(counts.passed)}</b> {t('journey.count.passed')}
      </span>
      <span className={counts.waiting > 0 ? 'jc-waiting-now' : undefined}>
        <b>{format.number(counts.waiting)}</b> {t('journey.count.waiting')}
      </span>
      {counts.exited > 0 && (
        <span>
          <b>{format.number(counts.exited)}</b> {t('journey.count.exited')}
        </span>
      )}
    </div>
  );
}

/** What became of a message node's messages: sent, opened, clicked, converted (each with its share of those sent) and revenue. */
function MessageLine({ messages }: { messages: NodeMessages }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <div
      className="jc-counts jc-messages"
      data-testid="node-messages"
      data-sent={messages.sent}
      data-opened={messages.opened}
      data-clicked={messages.clicked}
      data-converted={messages.converted}
      data-revenue={messages.revenue}
    >
      {messageFigures(messages).map(({ figure, value, ofSent }) => (
        <span key={figure} title={ofSent === undefined ? undefined : format.percent(value, messages.sent)}>
          <b>{format.number(value)}</b> {t(`journey.count.${figure}`)}
        </span>
      ))}
      <span className={messages.revenue > 0 ? 'jc-revenue' : undefined}>
        <b>{format.money(messages.revenue)}</b>
      </span>
    </div>
  );
}

/** A node of the graph: what it does, its ways out (one handle each, labelled), its problems and live counts. */
export function StepCard({ data, selected }: NodeProps<StepNode>) {
  const { t } = useI18n();
  const { node, catalog, problems, counts } = data;
  const ways = outlets(node);
  return (
    <div
      className={`jc-card jc-${node.type}${selected ? ' jc-selected' : ''}${problems.length > 0 ? ' jc-invalid' : ''}`}
      data-testid="journey-node"
      data-node-id={node.id}
      data-node-type={node.type}
    >
      <Handle type="target" position={Position.Top} className="jc-handle jc-handle-in" />
      <div className="jc-head">
        <span className="jc-icon">{nodeIcon(node)}</span>
        <span className="jc-kind">{t(NODE_LABEL[node.type])}</span>
        <span className="jc-id">{node.id}</span>
      </div>
      <div className="jc-body" data-testid="node-summary">
        {nodeSummary(t, catalog, node)}
      </div>
      {counts && <CountLine counts={counts} />}
      {counts?.messages && <MessageLine messages={counts.messages} />}
      <ProblemLine problems={problems} />
      {ways.length > 0 && (
        <div className="jc-outlets">
          {ways.map((way) => (
            <div key={way.handle} className={`jc-outlet jc-outlet-${way.handle}`}>
              <span className="jc-outlet-label">{outletLabel(t, way)}</span>
              <Handle
                type="source"
                position={Position.Bottom}
                id={way.handle}
                className="jc-handle jc-handle-out"
                data-testid={`handle-${node.id}-${way.handle}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** What starts the journey and its entry rules; its one way out sets the first node. */
export function TriggerCard({ data, selected }: NodeProps<TriggerNode>) {
  const { t } = useI18n();
  const format = useFormat();
  const { graph, catalog, problems, entered } = data;
  return (
    <div
      className={`jc-card jc-trigger${selected ? ' jc-selected' : ''}${problems.length > 0 ? ' jc-invalid' : ''}`}
      data-testid="journey-trigger"
    >
      <div className="jc-head">
        <span className="jc-icon">
          <ThunderboltOutlined />
        </span>
        <span className="jc-kind">{t('journey.trigger')}</span>
        {entered !== undefined && (
          <span className="jc-id" data-testid="trigger-entered" data-entered={entered}>
            {t('journey.count.entered', { count: format.number(entered) })}
          </span>
        )}
      </div>
      <div className="jc-body" data-testid="trigger-summary">
        {triggerSummary(t, catalog, graph)}
      </div>
      <div className="jc-settings">{triggerSettings(t, graph).join(' · ')}</div>
      <ProblemLine problems={problems} />
      <div className="jc-outlets">
        <div className="jc-outlet">
          <span className="jc-outlet-label">{t('journey.outlet.start')}</span>
          <Handle type="source" position={Position.Bottom} id={FIRST} className="jc-handle jc-handle-out" data-testid="handle-trigger-first" />
        </div>
      </div>
    </div>
  );
}

export const NODE_COMPONENTS = { step: StepCard, trigger: TriggerCard };
