import { Alert, Card, Col, Row, Skeleton, Tag } from 'antd';
import { useMemo } from 'react';
import { Chart } from '../../shared/charts/Chart';
import type { ChartOption } from '../../shared/charts/echarts';
import { EmptyState } from '../../shared/components/EmptyState';
import { ListTable } from '../../shared/components/ListTable';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { StatisticRow } from '../../shared/components/StatisticRow';
import { useFormat, type Formatter } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import type { Translate } from '../../shared/i18n/I18nProvider';
import type { Arm, JourneyEffect, JourneyExperiment, JourneyReport, JourneyVariant, NodeCount } from '../api';
import { conversionRows, direction, evidence, finite, revenueRow, type IntervalRow } from './uplift';

const COLOURS = { up: '#389e0d', down: '#cf1322', unclear: '#1677ff' };

interface IntervalPoint {
  value: [number, number, number, number];
  label: string;
  colour: string;
}

type RenderApi = {
  value: (dimension: number) => number;
  coord: (point: [number, number]) => [number, number];
  size: (point: [number, number]) => [number, number];
};

/** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least the value: an axis end with round ticks. */
function niceBound(value: number): number {
  if (!(value > 0)) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) ?? 10 * magnitude;
}

/** A forest plot: each row's estimate as a dot on its 95 % interval, with a line at zero. */
/** How tall each row of a forest plot is, its axis included. */
const ROW_HEIGHT = 88;

function renderInterval(point: IntervalPoint) {
  return (_: unknown, api: RenderApi) => {
    const [lowX, y] = api.coord([api.value(1), 0]);
    const [highX] = api.coord([api.value(2), 0]);
    const [midX] = api.coord([api.value(3), 0]);
    const cap = 8;
    const stroke = { stroke: point.colour, lineWidth: 3 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: lowX, y1: y, x2: highX, y2: y }, style: stroke },
        { type: 'line', shape: { x1: lowX, y1: y - cap, x2: lowX, y2: y + cap }, style: stroke },
        { type: 'line', shape: { x1: highX, y1: y - cap, x2: highX, y2: y + cap }, style: stroke },
        { type: 'circle', shape: { cx: midX, cy: y, r: 7 }, style: { fill: point.colour, stroke: '#fff', lineWidth: 2 } },
        {
          type: 'text',
          style: { text: point.label, x: midX, y: y - cap - 4, align: 'center', verticalAlign: 'bottom', fill: '#434343', font: '12px sans-serif' },
        },
      ],
    };
  };
}

/**
 * A forest plot: each row's estimate as a dot on its 95 % interval, with a line at zero; every row has its own axis,
 * so that a wide interval (a relative difference) does not squash a narrow one.
 */
function intervalOption(rows: { name: string; row: IntervalRow; label: string; axis: (value: number) => string }[]): ChartOption {
  const points: IntervalPoint[] = rows.map(({ row, label }, index) => ({
    value: [index, row.low, row.high, row.estimate],
    label,
    colour: COLOURS[direction(row)],
  }));
  const grid = (index: number) => ({ left: 132, right: 32, top: index * ROW_HEIGHT + 28, height: 36 });
  return {
    grid: rows.map((_, index) => grid(index)),
    xAxis: rows.map(({ row, axis }, index) => {
      const bound = niceBound(Math.max(Math.abs(row.low), Math.abs(row.high)) * 1.1);
      return {
        type: 'value',
        gridIndex: index,
        min: -bound,
        max: bound,
        interval: bound / 2,
        axisLabel: { formatter: axis },
        splitLine: { lineStyle: { type: 'dashed' } },
      };
    }),
    yAxis: rows.map(({ name }, index) => ({
      type: 'category',
      gridIndex: index,
      data: [name],
      axisTick: { show: false },
      axisLabel: { width: 120, overflow: 'truncate' },
    })),
    tooltip: { trigger: 'item', formatter: (params: { seriesIndex: number }) => `${rows[params.seriesIndex].name}<br/>${points[params.seriesIndex].label}` },
    series: points.map((point, index) => ({
      type: 'custom',
      xAxisIndex: index,
      yAxisIndex: index,
      encode: { x: [1, 2, 3], y: 0 },
      data: [{ value: [0, ...point.value.slice(1)], itemStyle: { color: point.colour } }],
      renderItem: renderInterval(point),
      markLine: { silent: true, symbol: 'none', data: [{ xAxis: 0 }], lineStyle: { color: '#8c8c8c', type: 'solid', width: 1 }, label: { show: false } },
    })),
  };
}

function signed(value: number, digits: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(digits)}`;
}

function pText(p: number | undefined): string {
  return p === undefined ? '—' : p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

function Evidence({ p, t }: { p: unknown; t: Translate }) {
  const verdict = evidence(p);
  if (!verdict) {
    return null;
  }
  return (
    <div className={`uplift-evidence uplift-evidence-${verdict}`} data-testid="uplift-evidence" data-verdict={verdict}>
      <Tag color={verdict === 'likely' ? 'green' : 'default'}>{t(verdict === 'likely' ? 'journey.evidence.likely' : 'journey.evidence.chance')}</Tag>
      <span className="muted">{t('journey.evidence.p', { p: pText(finite(p)) })}</span>
    </div>
  );
}

function ConversionCard({ effect, t }: { effect: JourneyEffect; t: Translate }) {
  const rows = useMemo(() => conversionRows(effect), [effect]);
  const option = useMemo(
    () =>
      intervalOption(
        rows.map((row) => ({
          name: t(row.key === 'absolute' ? 'journey.uplift.absolute' : 'journey.uplift.relative'),
          row,
          label:
            row.key === 'absolute'
              ? `${signed(row.estimate, 2)} pp  [${signed(row.low, 2)}, ${signed(row.high, 2)}]`
              : `${signed(row.estimate, 1)}%  [${signed(row.low, 1)}%, ${signed(row.high, 1)}%]`,
          axis: (value: number) => `${value}`,
        })),
      ),
    [rows, t],
  );
  return (
    <Card variant="borderless" className="chart-card" title={t('journey.uplift.conversion')} data-testid="uplift-conversion">
      <Chart option={option} height={rows.length * ROW_HEIGHT + 8} testId="uplift-conversion-chart" ariaLabel={t('journey.uplift.conversion')} />
      <Evidence p={effect.conversion.p} t={t} />
      <div className="muted small">
        {t(effect.conversion.method === 'NEWCOMBE' ? 'journey.uplift.newcombe' : 'journey.uplift.wald')} {t('journey.uplift.axisConversion')}
      </div>
    </Card>
  );
}

function RevenueCard({ effect, t, format }: { effect: JourneyEffect; t: Translate; format: Formatter }) {
  const row = useMemo(() => revenueRow(effect), [effect]);
  const option = useMemo(
    () =>
      row &&
      intervalOption(
        [
          {
            name: t('journey.uplift.perCustomer'),
            row,
            label: `${signed(row.estimate, 2)}  [${signed(row.low, 2)}, ${signed(row.high, 2)}]`,
            axis: (value: number) => format.compactMoney(value),
          },
        ],
      ),
    [row, t, format],
  );
  return (
    <Card variant="borderless" className="chart-card" title={t('journey.uplift.revenue')} data-testid="uplift-revenue">
      {option ? (
        <>
          <Chart option={option} height={ROW_HEIGHT + 8} testId="uplift-revenue-chart" ariaLabel={t('journey.uplift.revenue')} />
          <Evidence p={effect.revenue?.p} t={t} />
          <div className="muted small">{t('journey.uplift.welch')}</div>
        </>
      ) : (
        <EmptyState description={t('journey.uplift.noRevenue')} />
      )}
    </Card>
  );
}

function Groups({ arms, t, format }: { arms: Arm[]; t: Translate; format: Formatter }) {
  return (
    <ListTable<Arm>
      rowKey="arm"
      rows={arms}
      data-testid="journey-arms"
      empty={t('journey.noCustomers')}
      columns={[
        { title: t('journey.group'), dataIndex: 'arm', render: (arm: string) => t(arm === 'control' ? 'journey.group.control' : 'journey.group.treated') },
        { title: t('journey.group.customers'), dataIndex: 'customers', align: 'right', render: (value: number) => format.number(value) },
        { title: t('journey.group.converted'), dataIndex: 'converted', align: 'right', render: (value: number) => format.number(value) },
        { title: t('journey.group.rate'), key: 'rate', align: 'right', render: (_, arm) => (arm.customers > 0 ? format.percent(arm.converted, arm.customers) : '—') },
        { title: t('journey.group.revenue'), dataIndex: 'revenue', align: 'right', render: (value: number) => format.money(value) },
        { title: t('journey.group.perCustomer'), dataIndex: 'revenuePerCustomer', align: 'right', render: (value: number) => format.money(value) },
      ]}
    />
  );
}

/** The variants of the experiment split side by side, each one's conversion against the first with its interval. */
function Experiment({ experiment, t, format }: { experiment: JourneyExperiment; t: Translate; format: Formatter }) {
  const ratio = experiment.sampleRatio;
  return (
    <>
      <h4 className="journey-report-heading">{t('journey.experiment', { node: experiment.node })}</h4>
      {ratio?.mismatch && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="variant-ratio-warning"
          title={t('journey.sampleRatio.title')}
          description={t('journey.sampleRatio.detail', { chi: ratio.chiSquare.toFixed(2), p: pText(finite(ratio.p)) })}
        />
      )}
      <ListTable<JourneyVariant>
        rowKey="name"
        rows={experiment.variants}
        data-testid="journey-variants"
        empty={t('journey.noCustomers')}
        columns={[
          { title: t('journey.variant'), dataIndex: 'name' },
          { title: t('journey.variant.share'), dataIndex: 'percent', align: 'right', render: (value: number) => `${value}%` },
          { title: t('journey.group.customers'), dataIndex: 'customers', align: 'right', render: (value: number) => format.number(value) },
          { title: t('journey.group.converted'), dataIndex: 'converted', align: 'right', render: (value: number) => format.number(value) },
          {
            title: t('journey.group.rate'),
            key: 'rate',
            align: 'right',
            render: (_, variant) => (variant.customers > 0 ? format.percent(variant.converted, variant.customers) : '—'),
          },
          { title: t('journey.group.perCustomer'), dataIndex: 'revenuePerCustomer', align: 'right', render: (value: number) => format.money(value) },
          {
            title: t('journey.variant.difference'),
            key: 'difference',
            align: 'right',
            render: (_, variant, index) => {
              if (index === 0) {
                return <span className="muted">{t('journey.variant.first')}</span>;
              }
              const [difference] = variant.againstFirst ? conversionRows(variant.againstFirst) : [];
              return difference ? (
                <span data-testid="variant-difference">
                  {`${signed(difference.estimate, 2)} pp [${signed(difference.low, 2)}, ${signed(difference.high, 2)}]`}{' '}
                  <Evidence p={variant.againstFirst?.conversion.p} t={t} />
                </span>
              ) : (
                t('journey.variant.noneYet')
              );
            },
          },
        ]}
      />
    </>
  );
}

/**
 * Every node of the live version: customers who entered it, wait there and ended there, and for a node that sends
 * messages, what became of them (the other nodes show a dash there).
 */
function Steps({ nodes, t, format }: { nodes: NodeCount[]; t: Translate; format: Formatter }) {
  const figure = (key: 'sent' | 'delivered' | 'opened' | 'clicked' | 'converted') => ({
    title: t(`journey.count.${key}`),
    key,
    align: 'right' as const,
    render: (_: unknown, node: NodeCount) => (node.messages ? format.number(node.messages[key]) : '—'),
  });
  return (
    <ListTable<NodeCount>
      rowKey="node"
      rows={nodes}
      data-testid="journey-steps"
      empty={t('journey.noCustomers')}
      columns={[
        { title: t('journey.step'), dataIndex: 'node' },
        { title: t('journey.count.passed'), dataIndex: 'passed', align: 'right', render: (value: number) => format.number(value) },
        { title: t('journey.count.waiting'), dataIndex: 'waiting', align: 'right', render: (value: number) => format.number(value) },
        { title: t('journey.count.exited'), dataIndex: 'exited', align: 'right', render: (value: number) => format.number(value) },
        figure('sent'),
        figure('delivered'),
        figure('opened'),
        figure('clicked'),
        figure('converted'),
        {
          title: t('journey.group.revenue'),
          key: 'revenue',
          align: 'right',
          render: (_, node) => (node.messages ? format.money(node.messages.revenue) : '—'),
        },
      ]}
    />
  );
}

/** The journey's figures: customers by state, the two groups side by side, and the uplift with its intervals. */
export function JourneyReportView({
  report,
  version,
  published,
  error,
}: {
  report: JourneyReport | undefined;
  version?: number;
  published: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const format = useFormat();
  if (!published) {
    return <EmptyState description={t('journey.reportUnpublished')} />;
  }
  if (!report) {
    return error ? <ProblemAlert error={error} /> : <Skeleton active />;
  }
  const states = report.states;
  const entered = Object.values(states).reduce((sum, count) => sum + count, 0);
  const effect = report.effect;
  return (
    <div className="journey-report" data-testid="journey-report">
      <StatisticRow
        className="journey-report-figures"
        width={{ xs: 12, md: 6, xl: 4 }}
        figures={[
          { title: t('journey.states.entered'), value: format.number(entered) },
          { title: t('journey.state.waiting'), value: format.number((states.waiting ?? 0) + (states.active ?? 0)) },
          { title: t('journey.state.converted'), value: format.number(states.converted ?? 0) },
          { title: t('journey.state.completed'), value: format.number(states.completed ?? 0) },
          { title: t('journey.state.exited'), value: format.number(states.exited ?? 0) },
        ]}
      />
      <h4 className="journey-report-heading">{t('journey.steps')}</h4>
      <Steps nodes={report.nodes.filter((node) => node.version === version)} t={t} format={format} />
      <h4 className="journey-report-heading">{t('journey.groups')}</h4>
      <Groups arms={report.arms} t={t} format={format} />
      <h4 className="journey-report-heading">{t('journey.uplift')}</h4>
      {effect ? (
        <>
          {effect.sampleRatio.mismatch && (
            <Alert
              type="warning"
              showIcon
              className="page-alert"
              data-testid="sample-ratio-warning"
              title={t('journey.sampleRatio.title')}
              description={t('journey.sampleRatio.detail', { chi: effect.sampleRatio.chiSquare.toFixed(2), p: pText(finite(effect.sampleRatio.p)) })}
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <ConversionCard effect={effect} t={t} />
            </Col>
            <Col xs={24} xl={10}>
              <RevenueCard effect={effect} t={t} format={format} />
            </Col>
          </Row>
        </>
      ) : (
        <EmptyState description={t('journey.uplift.none')} />
      )}
      {report.experiment && <Experiment experiment={report.experiment} t={t} format={format} />}
    </div>
  );
}
