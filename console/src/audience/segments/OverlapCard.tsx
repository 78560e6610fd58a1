import { Card, Col, Row, Select, Skeleton, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Chart } from '../../shared/charts/Chart';
import type { ChartOption } from '../../shared/charts/echarts';
import { EmptyState } from '../../shared/components/EmptyState';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { audienceApi, type Overlap, type Segment } from '../api';
import { segmentTitle } from '../catalog';

const COLOURS = ['#1677ff', '#fa8c16', '#52c41a'];

/** Centres and label places of a schematic Venn diagram of two or three equal circles in a 360 × 260 box. */
const LAYOUT: Record<number, { circles: [number, number][]; labels: Record<string, [number, number]> }> = {
  2: {
    circles: [
      [140, 130],
      [220, 130],
    ],
    labels: { '0': [100, 135], '1': [260, 135], '0+1': [180, 135] },
  },
  3: {
    circles: [
      [145, 100],
      [215, 100],
      [180, 160],
    ],
    labels: {
      '0': [115, 85],
      '1': [245, 85],
      '2': [180, 205],
      '0+1': [180, 75],
      '0+2': [138, 145],
      '1+2': [222, 145],
      '0+1+2': [180, 118],
    },
  },
};

/** The region key of the server ("3+7") in positions of the chosen segments ("0+1"). */
function positions(region: string, ids: number[]): string {
  return region
    .split('+')
    .map((id) => ids.indexOf(Number(id)))
    .join('+');
}

function Venn({ overlap, names }: { overlap: Overlap; names: string[] }) {
  const format = useFormat();
  const ids = overlap.segments;
  const layout = LAYOUT[ids.length];
  if (!layout) {
    return null;
  }
  const radius = ids.length === 2 ? 80 : 70;
  return (
    <div>
      <div className="overlap-venn">
        <svg viewBox="0 0 360 260" width={360} height={260} role="img" aria-label={names.join(' / ')} data-testid="overlap-venn">
          {layout.circles.map(([cx, cy], index) => (
            <circle key={index} cx={cx} cy={cy} r={radius} fill={COLOURS[index]} fillOpacity={0.18} stroke={COLOURS[index]} strokeWidth={2} />
          ))}
          {Object.entries(overlap.regions).map(([region, size]) => {
            const place = layout.labels[positions(region, ids)];
            return place ? (
              <text key={region} x={place[0]} y={place[1]} textAnchor="middle" fontSize={13} fontWeight={600} fill="#1f1f1f">
                {format.number(size)}
              </text>
            ) : null;
          })}
        </svg>
      </div>
      <div className="overlap-legend">
        {names.map((name, index) => (
          <span key={name + index}>
            <span className="rfm-swatch" style={{ background: COLOURS[index] }} />
            {name}
          </span>
        ))}
      </div>
    </div>
  );
}

/** How two or three segments overlap: a Venn-like picture, and every region's size in a table and a bar chart. */
export function OverlapCard({ segments, initial = [], embedded = false }: { segments: Segment[]; initial?: number[]; embedded?: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const [chosen, setChosen] = useState<number[]>(initial);
  const ids = chosen.length >= 2 ? chosen : undefined;
  const overlap = useApi((signal) => (ids ? audienceApi.overlap(ids, signal) : Promise.resolve(undefined)), [ids?.join(',')]);
  const byId = useMemo(() => new Map(segments.map((segment) => [segment.id, segmentTitle(t, segment)])), [segments, t]);
  const result = overlap.data && ids && overlap.data.segments.join(',') === ids.join(',') ? overlap.data : undefined;
  const names = (result?.segments ?? []).map((id) => byId.get(id) ?? `#${id}`);
  const rows = result
    ? Object.entries(result.regions).map(([region, size]) => ({
        key: region,
        label:
          region.split('+').length === result.segments.length && result.segments.length > 1
            ? t('overlap.inAll')
            : region
                .split('+')
                .map((id) => byId.get(Number(id)) ?? `#${id}`)
                .join(' ∩ ') + (region.split('+').length === 1 ? ` ${t('overlap.only')}` : ''),
        size,
      }))
    : [];
  const bars = useMemo<ChartOption | undefined>(
    () =>
      rows.length === 0
        ? undefined
        : {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.number(value) } },
            yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.label), axisLabel: { width: 180, overflow: 'truncate' } },
            series: [{ type: 'bar', data: rows.map((row) => row.size), barMaxWidth: 18, itemStyle: { borderRadius: [0, 4, 4, 0] } }],
          },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(rows), format],
  );
  const content = (
    <>
      <Select<number[]>
        mode="multiple"
        value={chosen}
        onChange={(next) => setChosen(next.slice(0, 3))}
        maxCount={3}
        placeholder={t('overlap.choose')}
        style={{ width: '100%', maxWidth: 640, marginBottom: 16 }}
        optionFilterProp="label"
        data-testid="overlap-select"
        options={segments.map((segment) => ({ value: segment.id, label: byId.get(segment.id) ?? segment.name }))}
      />
      {overlap.error ? <ProblemAlert error={overlap.error} onRetry={overlap.reload} /> : null}
      {!ids ? (
        <EmptyState description={t('overlap.hint')} />
      ) : !result ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Row gutter={24} align="middle">
          <Col xs={24} lg={10}>
            <Venn overlap={result} names={names} />
          </Col>
          <Col xs={24} lg={14}>
            <Table
              size="small"
              pagination={false}
              dataSource={[...rows, { key: 'union', label: t('overlap.union'), size: result.union }]}
              data-testid="overlap-table"
              columns={[
                { title: t('overlap.region'), dataIndex: 'label' },
                {
                  title: t('overlap.customers'),
                  dataIndex: 'size',
                  align: 'right',
                  width: 120,
                  render: (size: number) => <span className="amount">{format.number(size)}</span>,
                },
                {
                  title: t('overlap.share'),
                  key: 'share',
                  align: 'right',
                  width: 90,
                  render: (_: unknown, row: { size: number }) => format.percent(row.size, result.union),
                },
              ]}
            />
            {bars && (
              <div style={{ marginTop: 12 }}>
                <Chart option={bars} height={Math.max(120, rows.length * 32)} testId="overlap-chart" ariaLabel={t('overlap.title')} />
              </div>
            )}
          </Col>
        </Row>
      )}
    </>
  );
  // inside a tab of the segment page the tab names it already; on the list it is a card of its own
  return embedded ? (
    <div data-testid="overlap-card">{content}</div>
  ) : (
    <Card variant="borderless" className="section-card" title={t('overlap.title')} data-testid="overlap-card">
      {content}
    </Card>
  );
}
