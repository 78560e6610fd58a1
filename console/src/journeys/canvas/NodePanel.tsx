import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { JourneyCatalog } from '../catalog';
import { NODE_HINT, NODE_LABEL, outletLabel } from '../describe';
import {
  outletField,
  outlets,
  withOutlet,
  type JourneyGraph,
  type JourneyNode,
  type SplitConditionNode,
  type SplitExperimentNode,
  type SplitRandomNode,
  type Weekday,
  WEEKDAYS,
} from '../graph';
import type { PlacedProblem } from '../problems';
import { nodeIcon } from './cards';
import { DurationInput, EventInput, Field, SegmentSelect } from './fields';

interface NodePanelProps {
  node: JourneyNode;
  graph: JourneyGraph;
  catalog: JourneyCatalog;
  problems: PlacedProblem[];
  onChange: (node: JourneyNode) => void;
  onRemove: () => void;
  editable: boolean;
}

const MAX_BRANCHES = 10;

/** Whether the template a send_message node names is a WeCom one, whose outcome the customer may wait for. */
const isWecomTemplate = (catalog: JourneyCatalog, key: unknown) =>
  typeof key === 'string' && catalog.templates.some((template) => template.key === key && (template.channel as string) === 'wecom');

interface AwaitResult {
  timeout: string;
  fallbackTemplate: string;
}

/**
 * A WeCom message's wait for its outcome: the template of another channel sent when the staff member does not send it
 * in time (none: the customer goes on at once), and how long to wait.
 */
function AwaitResultSettings({
  config,
  catalog,
  setConfig,
  problem,
}: {
  config: Record<string, unknown>;
  catalog: JourneyCatalog;
  setConfig: (config: Record<string, unknown>) => void;
  problem: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  const awaiting = typeof config.awaitResult === 'object' && config.awaitResult !== null ? (config.awaitResult as AwaitResult) : undefined;
  const withoutAwait = () => {
    const rest = { ...config };
    delete rest.awaitResult;
    return rest;
  };
  return (
    <>
      <Field
        label={t('journey.field.fallbackTemplate')}
        problem={problem('config.awaitResult.fallbackTemplate') ?? problem('config.awaitResult')}
        hint={t('journey.fallbackTemplateHint')}
      >
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="full-width"
          value={awaiting?.fallbackTemplate || undefined}
          onChange={(fallbackTemplate) =>
            setConfig(fallbackTemplate ? { ...config, awaitResult: { timeout: awaiting?.timeout ?? 'PT24H', fallbackTemplate } } : withoutAwait())
          }
          placeholder={t('journey.fallbackTemplatePlaceholder')}
          notFoundContent={t('journey.noTemplates')}
          options={catalog.templates
            .filter((template) => (template.channel as string) !== 'wecom')
            .map((template) => ({ value: template.key, label: `${template.name} (${template.key})` }))}
          data-testid="action-fallback-template"
        />
      </Field>
      {awaiting && (
        <Field label={t('journey.field.awaitTimeout')} problem={problem('config.awaitResult.timeout')} hint={t('journey.awaitTimeoutHint')}>
          <DurationInput
            value={awaiting.timeout}
            onChange={(timeout) => setConfig({ ...config, awaitResult: { ...awaiting, timeout } })}
            testId="action-await-timeout"
          />
        </Field>
      )}
    </>
  );
}

function Branches({ node, onChange, problem }: { node: SplitRandomNode; onChange: (node: JourneyNode) => void; problem: (field: string) => string | undefined }) {
  const { t } = useI18n();
  const total = node.branches.reduce((sum, branch) => sum + (branch.percent || 0), 0);
  const setPercent = (index: number, percent: number) =>
    onChange({ ...node, branches: node.branches.map((branch, i) => (i === index ? { ...branch, percent } : branch)) });
  return (
    <Field
      label={t('journey.field.branches')}
      problem={problem('branches')}
      hint={<span className={total === 100 ? undefined : 'jp-warn'}>{t('journey.branchesTotal', { total })}</span>}
    >
      {node.branches.map((branch, index) => (
        <div className="jp-branch" key={index}>
          <span className="jp-branch-name">{t('journey.branch', { number: index + 1 })}</span>
          <InputNumber
            min={1}
            max={99}
            precision={0}
            suffix="%"
            value={branch.percent}
            onChange={(value) => setPercent(index, typeof value === 'number' ? value : 0)}
            data-testid={`branch-percent-${index}`}
          />
          <Button
            type="text"
            icon={<MinusCircleOutlined />}
            disabled={node.branches.length <= 2}
            aria-label={t('journey.removeBranch')}
            onClick={() => onChange({ ...node, branches: node.branches.filter((_, i) => i !== index) })}
          />
          {problem(`branches[${index}].percent`) && <div className="jp-error">{problem(`branches[${index}].percent`)}</div>}
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={node.branches.length >= MAX_BRANCHES}
        onClick={() => onChange({ ...node, branches: [...node.branches, { percent: Math.max(1, 100 - total), next: null }] })}
      >
        {t('journey.addBranch')}
      </Button>
    </Field>
  );
}

function Variants({ node, onChange, problem }: { node: SplitExperimentNode; onChange: (node: JourneyNode) => void; problem: (field: string) => string | undefined }) {
  const { t } = useI18n();
  const total = node.variants.reduce((sum, variant) => sum + (variant.percent || 0), 0);
  const set = (index: number, change: Partial<SplitExperimentNode['variants'][number]>) =>
    onChange({ ...node, variants: node.variants.map((variant, i) => (i === index ? { ...variant, ...change } : variant)) });
  const freshName = () => {
    const taken = new Set(node.variants.map((variant) => variant.name));
    for (let code = 97; ; code++) {
      const name = code <= 122 ? String.fromCharCode(code) : `v${code - 122}`;
      if (!taken.has(name)) {
        return name;
      }
    }
  };
  return (
    <Field
      label={t('journey.field.variants')}
      problem={problem('variants')}
      hint={<span className={total === 100 ? undefined : 'jp-warn'}>{t('journey.branchesTotal', { total })}</span>}
    >
      {node.variants.map((variant, index) => {
        const issue = problem(`variants[${index}].name`) ?? problem(`variants[${index}].percent`);
        return (
          <div className="jp-branch" key={index}>
            <Input
              className="jp-branch-name"
              aria-label={t('journey.variantName')}
              value={variant.name}
              onChange={(event) => set(index, { name: event.target.value })}
              data-testid={`variant-name-${index}`}
            />
            <InputNumber
              min={1}
              max={99}
              precision={0}
              suffix="%"
              value={variant.percent}
              onChange={(value) => set(index, { percent: typeof value === 'number' ? value : 0 })}
              data-testid={`variant-percent-${index}`}
            />
            <Button
              type="text"
              icon={<MinusCircleOutlined />}
              disabled={node.variants.length <= 2}
              aria-label={t('journey.removeVariant')}
              onClick={() => onChange({ ...node, variants: node.variants.filter((_, i) => i !== index) })}
            />
            {issue && <div className="jp-error">{issue}</div>}
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={node.variants.length >= MAX_BRANCHES}
        onClick={() => onChange({ ...node, variants: [...node.variants, { name: freshName(), percent: Math.max(1, 100 - total), next: null }] })}
      >
        {t('journey.addVariant')}
      </Button>
    </Field>
  );
}

/** The condition as JSON text: kept in the graph only while it reads, so a half-typed condition never loses the last good one. */
function ConditionSettings({ node, onChange, problem }: { node: SplitConditionNode; onChange: (node: JourneyNode) => void; problem?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(node.condition ?? {}, null, 2));
  const [unreadable, setUnreadable] = useState(false);
  return (
    <Field
      label={t('journey.field.condition')}
      problem={unreadable ? t('journey.conditionInvalid') : problem}
      hint={t('journey.conditionHint')}
    >
      <Input.TextArea
        className="mono"
        autoSize={{ minRows: 4, maxRows: 14 }}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const parsed: unknown = JSON.parse(event.target.value);
            const readable = !!parsed && typeof parsed === 'object' && !Array.isArray(parsed);
            setUnreadable(!readable);
            if (readable) {
              onChange({ ...node, condition: parsed as Record<string, unknown> });
            }
          } catch {
            setUnreadable(true);
          }
        }}
        data-testid="split-condition"
      />
    </Field>
  );
}

function TagSettings({ node, catalog, onChange, problem }: { node: Extract<JourneyNode, { type: 'action' }>; catalog: JourneyCatalog; onChange: (node: JourneyNode) => void; problem: (field: string) => string | undefined }) {
  const { t } = useI18n();
  return (
    <Field label={t('journey.field.tag')} problem={problem('config.tag') ?? problem('config')}>
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        className="full-width"
        value={typeof node.config.tag === 'string' && node.config.tag ? node.config.tag : undefined}
        onChange={(tag) => onChange({ ...node, config: { tag } })}
        placeholder={t('journey.tagPlaceholder')}
        options={catalog.tags.map((tag) => ({ value: tag.name, label: tag.name }))}
        data-testid="action-tag"
      />
    </Field>
  );
}

function ActionSettings({ node, catalog, onChange, problem }: { node: Extract<JourneyNode, { type: 'action' }>; catalog: JourneyCatalog; onChange: (node: JourneyNode) => void; problem: (field: string) => string | undefined }) {
  const { t } = useI18n();
  const setConfig = (config: Record<string, unknown>) => onChange({ ...node, config });
  return (
    <>
      <Field label={t('journey.field.action')} problem={problem('action')}>
        <Select<string>
          className="full-width"
          value={node.action}
          onChange={(action) =>
            onChange({
              ...node,
              action,
              config:
                action === 'send_message'
                  ? { template: '' }
                  : action === 'set_trait'
                    ? { trait: '', value: '' }
                    : action === 'add_tag' || action === 'remove_tag'
                      ? { tag: '' }
                      : action === 'call_webhook'
                        ? { eventType: '' }
                        : action === 'grant_points'
                          ? { points: 100 }
                          : {},
            })
          }
          options={(catalog.actions.length > 0 ? catalog.actions : [{ type: node.action, description: node.action }]).map((action) => ({
            value: action.type,
            label: action.description,
          }))}
          data-testid="action-type"
        />
      </Field>
      {node.action === 'send_message' && (
        <Field label={t('journey.field.template')} problem={problem('config.template') ?? problem('config')} hint={t('journey.templateHint')}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            className="full-width"
            value={typeof node.config.template === 'string' && node.config.template ? node.config.template : undefined}
            onChange={(template) => setConfig({ ...node.config, template })}
            placeholder={t('journey.templatePlaceholder')}
            notFoundContent={t('journey.noTemplates')}
            options={catalog.templates.map((template) => ({ value: template.key, label: `${template.name} (${template.key})` }))}
            data-testid="action-template"
          />
        </Field>
      )}
      {node.action === 'send_message' && isWecomTemplate(catalog, node.config.template) && (
        <AwaitResultSettings config={node.config} catalog={catalog} setConfig={setConfig} problem={problem} />
      )}
      {node.action === 'set_trait' && (
        <>
          <Field label={t('journey.field.trait')} problem={problem('config.trait')}>
            <Input value={String(node.config.trait ?? '')} onChange={(event) => setConfig({ ...node.config, trait: event.target.value })} data-testid="action-trait" />
          </Field>
          <Field label={t('journey.field.value')} problem={problem('config.value')}>
            <Input value={String(node.config.value ?? '')} onChange={(event) => setConfig({ ...node.config, value: event.target.value })} data-testid="action-value" />
          </Field>
        </>
      )}
      {(node.action === 'add_tag' || node.action === 'remove_tag') && <TagSettings node={node} catalog={catalog} onChange={onChange} problem={problem} />}
      {node.action === 'grant_points' && (
        <>
          <Field label={t('journey.field.points')} problem={problem('config.points')}>
            <InputNumber
              className="full-width"
              min={1}
              max={1_000_000}
              precision={0}
              value={typeof node.config.points === 'number' ? node.config.points : undefined}
              onChange={(points) => setConfig({ ...node.config, points: points ?? undefined })}
              data-testid="action-points"
            />
          </Field>
          <Field label={t('journey.field.pointsReason')} problem={problem('config.reason')} hint={t('journey.pointsReasonHint')}>
            <Input
              value={String(node.config.reason ?? '')}
              onChange={(event) => setConfig({ ...node.config, reason: event.target.value || undefined })}
              data-testid="action-points-reason"
            />
          </Field>
          <Field label={t('journey.field.pointsExpire')} problem={problem('config.expiresInDays')} hint={t('journey.pointsExpireHint')}>
            <InputNumber
              className="full-width"
              min={1}
              max={3650}
              precision={0}
              value={typeof node.config.expiresInDays === 'number' ? node.config.expiresInDays : undefined}
              onChange={(days) => setConfig({ ...node.config, expiresInDays: days ?? undefined })}
              data-testid="action-points-expire"
            />
          </Field>
        </>
      )}
      {node.action === 'call_webhook' && (
        <>
          <Field label={t('journey.field.endpoint')} problem={problem('config.endpoint')} hint={t('journey.endpointHint')}>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              className="full-width"
              value={typeof node.config.endpoint === 'number' ? node.config.endpoint : undefined}
              onChange={(endpoint) => setConfig({ ...node.config, endpoint })}
              placeholder={t('journey.endpointPlaceholder')}
              notFoundContent={t('journey.noEndpoints')}
              options={catalog.webhooks.map((endpoint) => ({
                value: endpoint.id,
                label: `${endpoint.name} (${endpoint.url})${endpoint.enabled ? '' : ` · ${t('journey.endpointDisabled')}`}`,
              }))}
              data-testid="action-endpoint"
            />
          </Field>
          <Field label={t('journey.field.eventType')} problem={problem('config.eventType')} hint={t('journey.eventTypeHint')}>
            <Input
              value={String(node.config.eventType ?? '')}
              placeholder="journey.welcomed"
              onChange={(event) => setConfig({ ...node.config, eventType: event.target.value })}
              data-testid="action-event-type"
            />
          </Field>
        </>
      )}
    </>
  );
}

/** The settings of the selected node, where each of its ways out leads, and its removal. */
export function NodePanel({ node, graph, catalog, problems, onChange, onRemove, editable }: NodePanelProps) {
  const { t } = useI18n();
  const problem = (field: string) => {
    const found = problems.filter((p) => p.field === field);
    return found.length > 0 ? found.map((p) => p.detail).join('; ') : undefined;
  };
  const others = graph.nodes.filter((other) => other.id !== node.id);
  const whole = problems.filter((p) => p.field === '');
  const conditionProblems = problems.filter((p) => p.field === 'condition' || p.field.startsWith('condition.'));
  const conditionProblem =
    conditionProblems.length > 0 ? conditionProblems.map((p) => (p.field === 'condition' ? p.detail : `${p.field.slice(10)}: ${p.detail}`)).join('; ') : undefined;
  return (
    <div className="jp-panel" data-testid="node-panel" data-node-id={node.id}>
      <div className={`jp-title jc-${node.type}`}>
        <span className="jc-icon">{nodeIcon(node)}</span>
        <div>
          <div className="jp-title-text">{t(NODE_LABEL[node.type])}</div>
          <div className="jp-title-id mono">{node.id}</div>
        </div>
      </div>
      <p className="jp-hint">{t(NODE_HINT[node.type])}</p>
      {whole.map((p) => (
        <div key={p.detail} className="jp-error">
          {p.detail}
        </div>
      ))}
      {node.type === 'wait' && (
        <Field label={t('journey.field.duration')} problem={problem('duration')}>
          <DurationInput value={node.duration} onChange={(duration) => onChange({ ...node, duration })} testId="wait-duration" />
        </Field>
      )}
      {node.type === 'wait_until' && (
        <>
          <Field label={t('journey.field.time')} problem={problem('time')} hint={t('journey.timeHint')}>
            <Input value={node.time} placeholder="09:30" onChange={(event) => onChange({ ...node, time: event.target.value })} data-testid="wait-until-time" />
          </Field>
          <Field label={t('journey.field.days')} problem={problem('days')} hint={t('journey.daysHint')}>
            <Select<Weekday[]>
              mode="multiple"
              className="full-width"
              value={node.days ?? []}
              placeholder={t('journey.anyDay')}
              onChange={(days) => onChange(days.length > 0 ? { ...node, days } : { ...node, days: undefined })}
              options={WEEKDAYS.map((day) => ({ value: day, label: t(`journey.weekday.${day}`) }))}
              data-testid="wait-until-days"
            />
          </Field>
        </>
      )}
      {node.type === 'wait_best_hour' && (
        <>
          <Field label={t('journey.field.within')} problem={problem('within')} hint={t('journey.withinHint')}>
            <DurationInput value={node.within} onChange={(within) => onChange({ ...node, within })} testId="wait-best-hour-within" />
          </Field>
          {catalog.bestHours && catalog.bestHours.events > 0 && (
            <p className="jp-hint" data-testid="brand-best-hour">
              {t('journey.brandBestHour', {
                day: t(`journey.weekday.${catalog.bestHours.bestDay as Weekday}`),
                hour: `${String(catalog.bestHours.bestHour).padStart(2, '0')}:00`,
                count: catalog.bestHours.events,
              })}
            </p>
          )}
        </>
      )}
      {node.type === 'wait_event' && (
        <>
          <Field label={t('journey.field.event')} problem={problem('event')}>
            <EventInput value={node.event} onChange={(event) => onChange({ ...node, event })} catalog={catalog} testId="wait-event" />
          </Field>
          <Field label={t('journey.field.timeout')} problem={problem('timeout')}>
            <DurationInput value={node.timeout} onChange={(timeout) => onChange({ ...node, timeout })} testId="wait-timeout" />
          </Field>
        </>
      )}
      {node.type === 'split_segment' && (
        <Field label={t('journey.field.segment')} problem={problem('segment')}>
          <SegmentSelect value={node.segment} onChange={(segment) => onChange({ ...node, segment })} catalog={catalog} testId="split-segment" />
        </Field>
      )}
      {node.type === 'split_condition' && <ConditionSettings key={node.id} node={node} onChange={onChange} problem={conditionProblem} />}
      {node.type === 'split_random' && <Branches node={node} onChange={onChange} problem={problem} />}
      {node.type === 'split_experiment' && <Variants node={node} onChange={onChange} problem={problem} />}
      {node.type === 'action' && <ActionSettings node={node} catalog={catalog} onChange={onChange} problem={problem} />}
      {outlets(node).length > 0 && (
        <div className="jp-section">
          <div className="jp-section-title">{t('journey.waysOut')}</div>
          {outlets(node).map((outlet) => {
            const field = outletField(outlet.handle);
            return (
              <Field key={outlet.handle} label={outletLabel(t, outlet)} problem={problem(field)}>
                <Select<string>
                  className="full-width"
                  value={outlet.target ?? ''}
                  onChange={(target) => onChange(withOutlet(node, outlet.handle, target || null))}
                  options={[
                    { value: '', label: t('journey.endsHere') },
                    ...others.map((other) => ({ value: other.id, label: `${other.id} · ${t(NODE_LABEL[other.type])}` })),
                  ]}
                  data-testid={`outlet-${outlet.handle}`}
                />
              </Field>
            );
          })}
        </div>
      )}
      {editable && (
        <Button danger icon={<DeleteOutlined />} onClick={onRemove} className="jp-remove" data-testid="node-remove">
          {t('journey.removeNode')}
        </Button>
      )}
    </div>
  );
}
