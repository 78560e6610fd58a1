import { CalendarOutlined, FieldTimeOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, InputNumber, Row, Skeleton, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../access/SessionProvider';
import { Chart } from '../../shared/charts/Chart';
import type { ChartOption } from '../../shared/charts/echarts';
import { EmptyState } from '../../shared/components/EmptyState';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useFormat, type Formatter } from '../../shared/hooks/useFormat';
import { useSubmission } from '../../shared/hooks/useSubmission';
import type { Translate } from '../../shared/i18n/I18nProvider';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { StatCard } from '../../insight/StatCard';
import { audienceApi, type Rfm } from '../api';
import { RFM_GROUPS } from '../condition/model';
import { RFM_COLOURS, rfmGroupLabel } from '../labels';

/** The R × F grid: each cell in its group's colour, with the group's name and the customers in the cell. */
function gridOption(rfm: Rfm, t: Translate, format: Formatter): ChartOption {
  const max = Math.max(1, ...rfm.cells.map((cell) => cell.customers));
  const scores = ['1', '2', '3', '4', '5'];
  return {
    tooltip: {
      formatter: (params: { data: { cell: Rfm['cells'][number] } }) => {
        const cell = params.data.cell;
        return [
          `<b>${rfmGroupLabel(t, cell.group)}</b>`,
          t('rfm.tooltipScores', { r: cell.recency, f: cell.frequency }),
          t('rfm.tooltipCustomers', { customers: format.number(cell.customers) }),
          t('rfm.tooltipMonetary', { amount: format.money(cell.averageMonetary) }),
        ].join('<br/>');
      },
    },
    grid: { left: 56, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: scores, name: t('rfm.frequencyAxis'), nameLocation: 'middle', nameGap: 30, splitArea: { show: true } },
    yAxis: { type: 'category', data: scores, name: t('rfm.recencyAxis'), nameLocation: 'middle', nameGap: 36, splitArea: { show: true } },
    // a heatmap needs a visual map: here it gives each cell the colour of its group (the fourth value)
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 3,
      seriesIndex: 0,
      pieces: RFM_GROUPS.map((group, index) => ({ value: index, color: RFM_COLOURS[group] })),
    },
    series: [
      {
        type: 'heatmap',
        data: rfm.cells.map((cell) => ({
          value: [cell.frequency - 1, cell.recency - 1, cell.customers, (RFM_GROUPS as readonly string[]).indexOf(cell.group)],
          cell,
          itemStyle: {
            opacity: cell.customers === 0 ? 0.25 : 0.45 + 0.55 * (cell.customers / max),
            borderColor: '#ffffff',
            borderWidth: 2,
            borderRadius: 4,
          },
        })),
        label: {
          show: true,
          formatter: (params: { data: { cell: Rfm['cells'][number] } }) =>
            `{name|${rfmGroupLabel(t, params.data.cell.group)}}\n{count|${format.number(params.data.cell.customers)}}`,
          rich: {
            name: { fontSize: 11, color: '#1f1f1f', lineHeight: 16 },
            count: { fontSize: 14, fontWeight: 600, color: '#1f1f1f', lineHeight: 20 },
          },
        },
        emphasis: { itemStyle: { shadowBlur: 8, shadowColor: 'rgba(0, 0, 0, 0.25)' } },
      },
    ],
  };
}

function Settings({ rfm, onSaved }: { rfm: Rfm; onSaved: (rfm: Rfm) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [windowDays, setWindowDays] = useState<number | null>(rfm.windowDays);
  const [reference, setReference] = useState<string | null>(rfm.referenceIsToday ? null : rfm.referenceDate);
  const submission = useSubmission();
  useEffect(() => {
    setWindowDays(rfm.windowDays);
    setReference(rfm.referenceIsToday ? null : rfm.referenceDate);
  }, [rfm]);
  const mayWrite = can('audience:write');
  const save = () =>
    submission.submit(() => audienceApi.saveRfmSettings({ windowDays: windowDays ?? 0, referenceDate: reference ?? undefined }), {
      success: t('rfm.settingsSaved'),
      onSuccess: onSaved,
    });
  return (
    <Card variant="borderless" className="section-card" title={t('rfm.settings')} data-testid="rfm-settings">
      {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      <Form layout="vertical" disabled={!mayWrite} className="rfm-settings-form">
        <Form.Item label={t('rfm.window')} extra={t('rfm.windowHint')}>
          <InputNumber min={7} max={3650} value={windowDays} onChange={setWindowDays} suffix={t('builder.days')} style={{ width: 180 }} data-testid="rfm-window" />
        </Form.Item>
        <Form.Item label={t('rfm.reference')} extra={t('rfm.referenceHint')}>
          <DatePicker
            value={reference ? dayjs(reference) : null}
            onChange={(day) => setReference(day ? day.format('YYYY-MM-DD') : null)}
            placeholder={t('rfm.today')}
            style={{ width: 180 }}
          />
        </Form.Item>
        {mayWrite && (
          <Form.Item label=" ">
            <Button type="primary" onClick={save} loading={submission.submitting} data-testid="rfm-save">
              {t('action.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

/** RFM: the recency × frequency grid with its named groups, their sizes and ready-made segments, and the settings. */
export default function RfmPage() {
  const { t } = useI18n();
  const format = useFormat();
  const rfm = useApi((signal) => audienceApi.rfm(signal), []);
  const segments = useApi((signal) => audienceApi.segments(signal), []);
  const data = rfm.data;
  const option = useMemo(() => (data ? gridOption(data, t, format) : undefined), [data, t, format]);
  const segmentOf = (group: string) =>
    (segments.data ?? []).find((segment) => segment.builtIn && segment.definition.condition.type === 'rfm' && 'group' in segment.definition.condition && segment.definition.condition.group === group);
  const rows = RFM_GROUPS.map((group) => ({ group, customers: data?.groups[group] ?? 0 }));
  return (
    <>
      <PageHeader title={t('nav.rfm')} subtitle={t('rfm.subtitle')} />
      {rfm.error ? <ProblemAlert error={rfm.error} onRetry={rfm.reload} className="page-alert" /> : null}
      <div className="stat-grid audience-stats">
        <StatCard
          testId="rfm-scored"
          title={t('rfm.scored')}
          hint={t('rfm.scoredHint')}
          value={data ? format.number(data.scored) : ''}
          loading={!data}
          icon={<TeamOutlined />}
          accent="#1677ff"
        />
        <StatCard
          testId="rfm-window-stat"
          title={t('rfm.window')}
          value={data ? t('segment.days', { days: data.windowDays }) : ''}
          loading={!data}
          icon={<FieldTimeOutlined />}
          accent="#13c2c2"
        />
        <StatCard
          testId="rfm-reference-stat"
          title={t('rfm.reference')}
          value={data ? format.date(data.referenceDate) : ''}
          footer={data?.referenceIsToday ? t('rfm.referenceToday') : t('rfm.referenceFixed')}
          loading={!data}
          icon={<CalendarOutlined />}
          accent="#722ed1"
        />
      </div>
      <Row gutter={16} className="equal-height-row">
        <Col xs={24} xl={14}>
          <Card variant="borderless" className="chart-card" title={t('rfm.grid')} extra={<span className="muted small">{t('rfm.gridHint')}</span>}>
            {!data ? (
              <div className="chart-skeleton">
                <Skeleton active />
              </div>
            ) : data.scored === 0 ? (
              <div className="chart-empty">
                <EmptyState description={t('rfm.empty')} />
              </div>
            ) : (
              <Chart option={option!} height={460} testId="rfm-grid" ariaLabel={t('rfm.grid')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" className="chart-card" title={t('rfm.groups')}>
            <Table<{ group: string; customers: number }>
              className="rfm-groups-table"
              size="small"
              rowKey="group"
              pagination={false}
              loading={!data}
              dataSource={rows}
              data-testid="rfm-groups"
              columns={[
                {
                  title: t('rfm.group'),
                  dataIndex: 'group',
                  render: (group: string) => (
                    <span className="rfm-option">
                      <span className="rfm-swatch" style={{ background: RFM_COLOURS[group] }} />
                      {rfmGroupLabel(t, group)}
                    </span>
                  ),
                },
                {
                  title: t('overlap.customers'),
                  dataIndex: 'customers',
                  align: 'right',
                  width: 100,
                  render: (customers: number) => <span className="amount">{format.number(customers)}</span>,
                },
                {
                  title: t('overlap.share'),
                  key: 'share',
                  align: 'right',
                  width: 80,
                  render: (_: unknown, row: { customers: number }) => (data ? format.percent(row.customers, data.scored) : '—'),
                },
                {
                  title: t('rfm.segment'),
                  key: 'segment',
                  width: 110,
                  render: (_: unknown, row: { group: string }) => {
                    const segment = segmentOf(row.group);
                    return segment ? (
                      <Link to={`/segments/${segment.id}`} data-testid="rfm-segment-link">
                        {t('rfm.openSegment')}
                      </Link>
                    ) : (
                      <Tag>—</Tag>
                    );
                  },
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {data && <Settings rfm={data} onSaved={(saved) => rfm.setData(saved)} />}
    </>
  );
}
