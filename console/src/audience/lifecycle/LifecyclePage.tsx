import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Drawer, Input, Row, Segmented, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useSession } from '../../access/SessionProvider';
import { Chart } from '../../shared/charts/Chart';
import type { ChartOption } from '../../shared/charts/echarts';
import { EmptyState } from '../../shared/components/EmptyState';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useFormat } from '../../shared/hooks/useFormat';
import { useSubmission } from '../../shared/hooks/useSubmission';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { audienceApi, type DistributionPoint, type Flow, type LifecycleModel } from '../api';
import { ConditionBuilder } from '../builder/ConditionBuilder';
import { CatalogProvider } from '../catalog';
import { starterCondition, type Condition } from '../condition/model';
import { modelLabel, stageLabel } from '../labels';

const STAGE_COLOURS = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#fa8c16', '#eb2f96', '#722ed1', '#2f54eb', '#a0d911', '#f5222d', '#597ef7', '#bfbfbf'];
const NEW = '__new';

function stageColour(model: LifecycleModel, stage: string): string {
  const index = model.stages.findIndex((entry) => entry.value === stage);
  return STAGE_COLOURS[(index < 0 ? model.stages.length : index) % STAGE_COLOURS.length];
}

function Distribution({ model }: { model: LifecycleModel }) {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState(90);
  const distribution = useApi((signal) => audienceApi.distribution(model.name, days, signal), [model.name, days]);
  const option = useMemo<ChartOption | undefined>(() => {
    const points: DistributionPoint[] = distribution.data ?? [];
    if (points.length === 0) {
      return undefined;
    }
    const dayList = [...new Set(points.map((point) => point.day))].sort();
    const single = dayList.length === 1;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => format.number(value) },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', boundaryGap: single, data: dayList.map((day) => format.shortDay(day)) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.number(value) } },
      series: model.stages.map((stage) => ({
        name: stageLabel(t, model.name, stage.value, stage.label),
        type: single ? 'bar' : 'line',
        stack: 'stages',
        areaStyle: single ? undefined : { opacity: 0.85 },
        barMaxWidth: 64,
        showSymbol: false,
        lineStyle: { width: 1 },
        itemStyle: { color: stageColour(model, stage.value) },
        emphasis: { focus: 'series' },
        data: dayList.map((day) => points.find((point) => point.day === day && point.stage === stage.value)?.customers ?? 0),
      })),
    };
  }, [distribution.data, model, format, t]);
  return (
    <Card
      variant="borderless"
      className="chart-card"
      title={t('lifecycle.distribution')}
      extra={
        <Segmented<number> size="small" value={days} onChange={setDays} options={[30, 90, 365].map((value) => ({ value, label: t('segment.days', { days: value }) }))} />
      }
    >
      {distribution.error ? <ProblemAlert error={distribution.error} onRetry={distribution.reload} /> : null}
      {distribution.loading && !distribution.data ? (
        <div className="chart-skeleton">
          <Skeleton active />
        </div>
      ) : option ? (
        <Chart option={option} height={340} testId="lifecycle-distribution" ariaLabel={t('lifecycle.distribution')} />
      ) : (
        <div className="chart-empty">
          <EmptyState description={t('lifecycle.distributionEmpty')} />
        </div>
      )}
    </Card>
  );
}

function Flows({ model }: { model: LifecycleModel }) {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState(30);
  const [now] = useState(() => Date.now());
  const from = new Date(now - days * 86_400_000).toISOString();
  const to = new Date(now + 60_000).toISOString();
  const flows = useApi((signal) => audienceApi.flows(model.name, from, to, signal), [model.name, days]);
  const moves = (flows.data ?? []).filter((flow) => flow.customers > 0);
  const option = useMemo<ChartOption | undefined>(() => {
    const list: Flow[] = flows.data ?? [];
    if (list.length === 0) {
      return undefined;
    }
    const name = (stage: string) => (stage === NEW ? t('lifecycle.newToModel') : stageLabel(t, model.name, stage, model.stages.find((entry) => entry.value === stage)?.label));
    const sources = [...new Set(list.map((flow) => flow.from ?? NEW))];
    const targets = [...new Set(list.map((flow) => flow.to))];
    // sources on the left and targets on the right are different nodes, so that moves back and forth make no cycle
    const nodes = [
      ...sources.map((stage) => ({ name: `from:${stage}`, itemStyle: { color: stage === NEW ? '#8c8c8c' : stageColour(model, stage) } })),
      ...targets.map((stage) => ({ name: `to:${stage}`, itemStyle: { color: stageColour(model, stage) } })),
    ];
    const label = (node: string) => name(node.slice(node.indexOf(':') + 1));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { dataType: string; name: string; value: number; data: { source?: string; target?: string } }) =>
          params.dataType === 'edge'
            ? `${label(params.data.source ?? '')} → ${label(params.data.target ?? '')}<br/>${t('lifecycle.flowCustomers', { customers: format.number(params.value) })}`
            : `${label(params.name)}<br/>${format.number(params.value)}`,
      },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 140,
          top: 8,
          bottom: 8,
          nodeGap: 10,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
          label: { formatter: (params: { name: string }) => label(params.name), fontSize: 12 },
          data: nodes,
          links: list.map((flow) => ({ source: `from:${flow.from ?? NEW}`, target: `to:${flow.to}`, value: flow.customers })),
        },
      ],
    };
  }, [flows.data, model, t, format]);
  return (
    <Card
      variant="borderless"
      className="chart-card"
      title={t('lifecycle.flows')}
      extra={
        <Segmented<number> size="small" value={days} onChange={setDays} options={[7, 30, 90].map((value) => ({ value, label: t('segment.days', { days: value }) }))} />
      }
    >
      {flows.error ? <ProblemAlert error={flows.error} onRetry={flows.reload} /> : null}
      {flows.loading && !flows.data ? (
        <div className="chart-skeleton">
          <Skeleton active />
        </div>
      ) : option ? (
        <>
          <Chart option={option} height={Math.max(340, moves.length * 14)} testId="lifecycle-flows" ariaLabel={t('lifecycle.flows')} />
          <div className="muted small">{t('lifecycle.flowsHint')}</div>
        </>
      ) : (
        <div className="chart-empty">
          <EmptyState description={t('lifecycle.flowsEmpty')} />
        </div>
      )}
    </Card>
  );
}

interface StageDraft {
  key: number;
  value: string;
  label: string;
  condition: Condition | null;
}

let nextKey = 1;

function ModelEditor({ model, onClose, onSaved }: { model?: LifecycleModel; onClose: () => void; onSaved: (model: LifecycleModel) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(model?.name ?? '');
  const [label, setLabel] = useState(model ? modelLabel(t, model.name, model.label) : '');
  const [stages, setStages] = useState<StageDraft[]>(
    model
      ? model.stages.map((stage) => ({ key: nextKey++, value: stage.value, label: stage.label, condition: stage.condition ?? null }))
      : [
          { key: nextKey++, value: 'engaged', label: 'Engaged', condition: starterCondition() },
          { key: nextKey++, value: 'others', label: 'Others', condition: null },
        ],
  );
  const submission = useSubmission();
  const { fieldErrors: errors, fieldError } = submission;
  const update = (index: number, change: Partial<StageDraft>) => setStages((current) => current.map((stage, at) => (at === index ? { ...stage, ...change } : stage)));
  // the last stage holds everyone else: it never has a condition, every other stage has one
  const normalised = (list: StageDraft[]) =>
    list.map((stage, index) => ({ ...stage, condition: index === list.length - 1 ? null : (stage.condition ?? starterCondition()) }));
  const move = (index: number, by: number) =>
    setStages((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved);
      return normalised(next);
    });
  const save = () =>
    submission.submit(
      () =>
        audienceApi.saveModel(
          name.trim(),
          label.trim(),
          stages.map((stage) => ({ value: stage.value.trim(), label: stage.label.trim() || stage.value.trim(), condition: stage.condition ?? undefined })),
        ),
      { success: t('lifecycle.saved'), onSuccess: onSaved },
    );
  return (
    <Drawer
      open
      size={920}
      title={model ? t('lifecycle.editTitle', { model: modelLabel(t, model.name, model.label) }) : t('lifecycle.newTitle')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" onClick={save} loading={submission.submitting} data-testid="model-save">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon className="form-alert" title={t('lifecycle.editHint')} />
      {submission.failure && errors.length === 0 ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Col span={10}>
          <div className="muted small">{t('lifecycle.modelName')}</div>
          <Input value={name} disabled={Boolean(model)} onChange={(event) => setName(event.target.value)} placeholder="e.g. membership" status={fieldError('name') ? 'error' : undefined} />
          {fieldError('name') && <div className="builder-errors">{fieldError('name')}</div>}
        </Col>
        <Col span={14}>
          <div className="muted small">{t('lifecycle.modelLabel')}</div>
          <Input value={label} onChange={(event) => setLabel(event.target.value)} />
        </Col>
      </Row>
      {fieldError('stages') && <div className="builder-errors">{fieldError('stages')}</div>}
      {stages.map((stage, index) => {
        const last = index === stages.length - 1;
        const valueError = fieldError(`stages[${index}].value`);
        return (
          <div className="stage-editor" key={stage.key} data-testid="stage-editor">
            <div className="stage-editor-head">
              <Tag color={STAGE_COLOURS[index % STAGE_COLOURS.length]}>{index + 1}</Tag>
              <Input value={stage.value} onChange={(event) => update(index, { value: event.target.value })} placeholder={t('lifecycle.stageValue')} style={{ width: 160 }} status={valueError ? 'error' : undefined} />
              <Input value={stage.label} onChange={(event) => update(index, { label: event.target.value })} placeholder={t('lifecycle.stageLabel')} style={{ width: 200 }} />
              <span className="builder-actions">
                <Tooltip title={t('lifecycle.moveUp')}>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('lifecycle.moveUp')} />
                </Tooltip>
                <Tooltip title={t('lifecycle.moveDown')}>
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={() => move(index, 1)} aria-label={t('lifecycle.moveDown')} />
                </Tooltip>
                <Tooltip title={t('builder.remove')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    disabled={stages.length <= 2}
                    onClick={() => setStages((current) => normalised(current.filter((_, at) => at !== index)))}
                    aria-label={t('builder.remove')}
                  />
                </Tooltip>
              </span>
            </div>
            {valueError && <div className="builder-errors">{valueError}</div>}
            {last ? (
              <div className="muted">{t('lifecycle.everyoneElse')}</div>
            ) : (
              <ConditionBuilder
                value={stage.condition ?? starterCondition()}
                onChange={(condition) => update(index, { condition })}
                rootPath={`stages[${index}].condition`}
                errors={errors}
                allowSegments={false}
              />
            )}
          </div>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        disabled={stages.length >= 12}
        onClick={() =>
          setStages((current) => normalised([...current.slice(0, -1), { key: nextKey++, value: `stage_${current.length}`, label: '', condition: starterCondition() }, ...current.slice(-1)]))
        }
      >
        {t('lifecycle.addStage')}
      </Button>
    </Drawer>
  );
}

function Dashboard() {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const models = useApi((signal) => audienceApi.models(signal), []);
  const [chosen, setChosen] = useState<string>();
  const [editing, setEditing] = useState<'edit' | 'new'>();
  const list = (models.data ?? []).filter((model) => model.name !== 'rfm');
  const model = list.find((entry) => entry.name === chosen) ?? list[0];
  const total = model?.stages.reduce((sum, stage) => sum + stage.customers, 0) ?? 0;
  return (
    <>
      <PageHeader
        title={t('nav.lifecycle')}
        subtitle={t('lifecycle.subtitle')}
        extra={
          can('audience:write') && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('lifecycle.newModel')}
              </Button>
              {model && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing('edit')} data-testid="model-edit">
                  {t('lifecycle.editStages')}
                </Button>
              )}
            </>
          )
        }
      />
      {models.error ? <ProblemAlert error={models.error} onRetry={models.reload} className="page-alert" /> : null}
      {!model ? (
        <Card variant="borderless">{models.loading ? <Skeleton active /> : <EmptyState description={t('lifecycle.empty')} />}</Card>
      ) : (
        <>
          <Segmented<string>
            value={model.name}
            onChange={setChosen}
            style={{ marginBottom: 16 }}
            data-testid="model-switch"
            options={list.map((entry) => ({ value: entry.name, label: modelLabel(t, entry.name, entry.label) }))}
          />
          <div className="stage-cards" data-testid="stage-cards">
            {model.stages.map((stage) => (
              <div className="stage-card" key={stage.value} style={{ borderTopColor: stageColour(model, stage.value) }} data-testid="stage-card">
                <div className="stage-card-name">{stageLabel(t, model.name, stage.value, stage.label)}</div>
                <div className="stage-card-value">{format.number(stage.customers)}</div>
                <div className="muted small">{format.percent(stage.customers, total)}</div>
              </div>
            ))}
          </div>
          <Row gutter={16} className="equal-height-row">
            <Col xs={24} xxl={12}>
              <Distribution model={model} />
            </Col>
            <Col xs={24} xxl={12}>
              <Flows model={model} />
            </Col>
          </Row>
        </>
      )}
      {editing && (
        <ModelEditor
          model={editing === 'edit' ? model : undefined}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setChosen(saved.name);
            models.reload();
          }}
        />
      )}
    </>
  );
}

/** Lifecycle models: where customers stand now, how the stages grew, how customers moved, and the stages' rules. */
export default function LifecyclePage() {
  return (
    <CatalogProvider>
      <Dashboard />
    </CatalogProvider>
  );
}
