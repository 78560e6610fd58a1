import { CameraOutlined, DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Modal, Popconfirm, Row, Segmented, Skeleton, Statistic, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../access/SessionProvider';
import { Chart } from '../../shared/charts/Chart';
import type { ChartOption } from '../../shared/charts/echarts';
import { EmptyState } from '../../shared/components/EmptyState';
import { LoadMore } from '../../shared/components/LoadMore';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useSubmission } from '../../shared/hooks/useSubmission';
import { useCursorList } from '../../shared/hooks/useCursorList';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { RecordPending } from '../../shared/layout/RecordPending';
import { audienceApi, type Segment, type SegmentVersion, type Snapshot } from '../api';
import { CatalogProvider, segmentTitle, useCatalog } from '../catalog';
import { CustomersTable } from '../CustomersTable';
import { DefinitionView } from '../DefinitionView';
import { OverlapCard } from './OverlapCard';
import { ListTable } from '../../shared/components/ListTable';

function Members({ segment }: { segment: Segment }) {
  const { t } = useI18n();
  const format = useFormat();
  const list = useCursorList((cursor, signal) => audienceApi.members(segment.id, cursor, signal), [segment.id, segment.version]);
  const total = typeof list.extra.total === 'number' ? list.extra.total : undefined;
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} className="page-alert" /> : null}
      {total !== undefined && (
        <div className="muted small" style={{ marginBottom: 8 }} data-testid="members-total">
          {t('segment.membersTotal', { count: format.number(total) })}
        </div>
      )}
      <CustomersTable customers={list.items} loading={list.loading} testId="segment-members" rowTestId="member-row" emptyText={t('segment.noMembers')} />
      <LoadMore shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </>
  );
}

function Trend({ segment }: { segment: Segment }) {
  const { t } = useI18n();
  const format = useFormat();
  const [days, setDays] = useState(90);
  const trend = useApi((signal) => audienceApi.trend(segment.id, days, signal), [segment.id, days]);
  const option = useMemo<ChartOption | undefined>(() => {
    const points = trend.data ?? [];
    if (points.length === 0) {
      return undefined;
    }
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => format.number(value) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: points.length === 1, data: points.map((point) => format.shortDay(point.day)) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
      series: [
        {
          type: points.length === 1 ? 'bar' : 'line',
          name: t('segment.size'),
          data: points.map((point) => point.size),
          smooth: true,
          showSymbol: points.length < 40,
          barMaxWidth: 36,
          areaStyle: { opacity: 0.12 },
        },
      ],
    };
  }, [trend.data, format, t]);
  return (
    <Card
      variant="borderless"
      className="chart-card"
      title={t('segment.trend')}
      extra={
        <Segmented<number>
          size="small"
          value={days}
          onChange={setDays}
          options={[30, 90, 365].map((value) => ({ value, label: t('segment.days', { days: value }) }))}
        />
      }
    >
      {trend.error ? <ProblemAlert error={trend.error} onRetry={trend.reload} /> : null}
      {trend.loading && !trend.data ? (
        <div className="chart-skeleton">
          <Skeleton active />
        </div>
      ) : option ? (
        <Chart option={option} height={260} testId="segment-trend" ariaLabel={t('segment.trend')} />
      ) : (
        <div className="chart-empty">
          <EmptyState description={t('segment.trendEmpty')} />
        </div>
      )}
      {(trend.data?.length ?? 0) > 0 && (trend.data?.length ?? 0) < 3 && <div className="muted small">{t('segment.trendYoung')}</div>}
    </Card>
  );
}

function Snapshots({ segment, reloadKey }: { segment: Segment; reloadKey: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const snapshots = useApi((signal) => audienceApi.snapshots(segment.id, signal), [segment.id, reloadKey]);
  return (
    <>
      {snapshots.error ? <ProblemAlert error={snapshots.error} onRetry={snapshots.reload} /> : null}
      <ListTable<Snapshot>
        loading={snapshots.loading}
        rows={snapshots.data ?? []}
        data-testid="segment-snapshots"
        empty={t('snapshot.empty')}
        columns={[
          { title: t('snapshot.name'), dataIndex: 'name' },
          { title: t('segment.size'), dataIndex: 'size', width: 120, align: 'right', render: (size: number) => format.number(size) },
          { title: t('snapshot.takenAt'), dataIndex: 'takenAt', width: 180, render: (at: string) => format.dateTime(at) },
          { title: t('snapshot.takenBy'), dataIndex: 'takenBy', width: 140, render: (by?: string) => by ?? '—' },
          ...(can('audience:export')
            ? [
                {
                  title: t('table.actions'),
                  key: 'export',
                  width: 140,
                  render: (_: unknown, snapshot: Snapshot) => (
                    <Button size="small" icon={<DownloadOutlined />} href={audienceApi.snapshotExportUrl(segment.id, snapshot.id)} download>
                      {t('segment.exportCsv')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function Versions({ segment }: { segment: Segment }) {
  const { t } = useI18n();
  const format = useFormat();
  const versions = useApi((signal) => audienceApi.versions(segment.id, signal), [segment.id, segment.version]);
  return (
    <>
      {versions.error ? <ProblemAlert error={versions.error} onRetry={versions.reload} /> : null}
      <ListTable<SegmentVersion>
        rowKey="version"
        loading={versions.loading}
        rows={versions.data ?? []}
        data-testid="segment-versions"
        empty={t('version.empty')}
        columns={[
          {
            title: t('segment.version'),
            dataIndex: 'version',
            width: 100,
            render: (version: number) => (
              <span>
                v{version} {version === segment.version && <Tag color="blue">{t('version.current')}</Tag>}
              </span>
            ),
          },
          { title: t('version.definition'), key: 'definition', render: (_, version) => <DefinitionView condition={version.definition.condition} /> },
          { title: t('version.changedBy'), dataIndex: 'changedBy', width: 130, render: (by?: string) => by ?? '—' },
          { title: t('version.changedAt'), dataIndex: 'changedAt', width: 180, render: (at: string) => format.dateTime(at) },
        ]}
      />
    </>
  );
}

function SegmentDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const { segments } = useCatalog();
  const { data: segment, error, reload } = useApi((signal) => audienceApi.segment(id, signal), [id]);
  const [snapshotOpen, setSnapshotOpen] = useState(false);
  const [snapshotName, setSnapshotName] = useState('');
  const [snapshotKey, setSnapshotKey] = useState(0);
  const action = useSubmission();
  const [tab, setTab] = useState('members');
  const crumbs = [{ title: t('nav.segments'), path: '/segments' }];

  if (error || !segment) {
    return <RecordPending kind="segment" id={id} breadcrumb={crumbs} error={error} onRetry={reload} />;
  }

  const title = segmentTitle(t, segment);
  const takeSnapshot = () =>
    action.submit(() => audienceApi.takeSnapshot(segment.id, snapshotName.trim() || undefined), {
      success: (snapshot) => t('snapshot.taken', { name: snapshot.name, size: format.number(snapshot.size) }),
      onSuccess: () => {
        setSnapshotOpen(false);
        setSnapshotName('');
        setSnapshotKey((key) => key + 1);
        setTab('snapshots');
      },
    });
  const remove = () =>
    action.submit(() => audienceApi.deleteSegment(segment.id), {
      success: t('segment.deleted'),
      onSuccess: () => navigate('/segments'),
    });

  return (
    <>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span data-testid="segment-title">{title}</span>
            {segment.builtIn && <Tag>{t('segment.builtIn')}</Tag>}
            <Tag color="blue">v{segment.version}</Tag>
          </span>
        }
        documentTitle={title}
        breadcrumb={[...crumbs, { title }]}
        subtitle={segment.description}
        extra={
          <>
            {can('audience:export') && (
              <Button icon={<DownloadOutlined />} href={audienceApi.exportUrl(segment.id)} download data-testid="segment-export">
                {t('segment.exportCsv')}
              </Button>
            )}
            {can('audience:write') && (
              <Button icon={<CameraOutlined />} onClick={() => setSnapshotOpen(true)} data-testid="segment-snapshot">
                {t('snapshot.take')}
              </Button>
            )}
            {can('audience:write') && !segment.builtIn && (
              <Popconfirm title={t('segment.deleteConfirm')} okButtonProps={{ danger: true }} onConfirm={remove}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('action.delete')}
                </Button>
              </Popconfirm>
            )}
            {can('audience:write') && !segment.builtIn && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/segments/${segment.id}/edit`)} data-testid="segment-edit">
                {t('action.edit')}
              </Button>
            )}
          </>
        }
      />
      {action.failure ? <ProblemAlert error={action.failure} className="page-alert" /> : null}
      <Row gutter={16} className="equal-height-row">
        <Col xs={24} xl={9}>
          <Card variant="borderless" className="section-card" title={t('segment.definition')}>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={12}>
                <Statistic title={t('segment.size')} value={format.number(segment.size)} styles={{ content: { fontWeight: 600 } }} data-testid="segment-size" />
              </Col>
              <Col span={12}>
                <Statistic title={t('segment.updatedAt')} value={format.date(segment.updatedAt)} styles={{ content: { fontSize: 18 } }} />
              </Col>
            </Row>
            <DefinitionView condition={segment.definition.condition} />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Trend segment={segment} />
        </Col>
      </Row>
      <Card variant="borderless" className="profile-tabs-card">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'members',
              label: (
                <span data-testid="segment-tab-members">
                  {t('segment.members')} <span className="tab-count">{format.number(segment.size)}</span>
                </span>
              ),
              children: <Members segment={segment} />,
            },
            {
              key: 'overlap',
              label: <span data-testid="segment-tab-overlap">{t('overlap.title')}</span>,
              children: <OverlapCard segments={segments} initial={[segment.id]} embedded />,
            },
            {
              key: 'snapshots',
              label: <span data-testid="segment-tab-snapshots">{t('snapshot.title')}</span>,
              children: <Snapshots segment={segment} reloadKey={snapshotKey} />,
            },
            {
              key: 'versions',
              label: <span data-testid="segment-tab-versions">{t('version.title')}</span>,
              children: <Versions segment={segment} />,
            },
          ]}
        />
      </Card>
      <Modal
        open={snapshotOpen}
        title={t('snapshot.take')}
        okText={t('snapshot.takeOk')}
        onOk={takeSnapshot}
        confirmLoading={action.submitting}
        onCancel={() => setSnapshotOpen(false)}
        destroyOnHidden
      >
        <p className="muted">{t('snapshot.hint', { size: format.number(segment.size) })}</p>
        <Input value={snapshotName} onChange={(event) => setSnapshotName(event.target.value)} placeholder={t('snapshot.namePlaceholder')} data-testid="snapshot-name" />
      </Modal>
    </>
  );
}

/** One segment: its definition in words, its size over time, members, overlap, snapshots, exports and versions. */
export default function SegmentPage() {
  const { id = '' } = useParams();
  return (
    <CatalogProvider>
      <SegmentDetail key={id} id={id} />
    </CatalogProvider>
  );
}
