import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../access/SessionProvider';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useApi } from '../../shared/hooks/useApi';
import { useFormat } from '../../shared/hooks/useFormat';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { PageHeader } from '../../shared/layout/PageHeader';
import { audienceApi, type Segment } from '../api';
import { CatalogProvider, segmentTitle, useDescribe } from '../catalog';
import { describeCondition } from '../condition/describe';
import { OverlapCard } from './OverlapCard';
import { ListTable } from '../../shared/components/ListTable';

type Kind = 'all' | 'custom' | 'builtIn';

function SegmentList() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const describe = useDescribe();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind>('all');
  const { data, error, loading, reload } = useApi((signal) => audienceApi.segments(signal), []);
  const segments = useMemo(() => {
    const typed = query.trim().toLowerCase();
    return (data ?? []).filter(
      (segment) =>
        (kind === 'all' || (kind === 'builtIn') === segment.builtIn) &&
        (!typed || segmentTitle(t, segment).toLowerCase().includes(typed) || segment.name.toLowerCase().includes(typed)),
    );
  }, [data, query, kind, t]);

  const columns: TableColumnsType<Segment> = [
    {
      title: t('segment.name'),
      key: 'name',
      render: (_, segment) => (
        <div className="segment-name-cell">
          <span>
            <Link to={`/segments/${segment.id}`} data-testid="segment-link">
              {segmentTitle(t, segment)}
            </Link>
            {segment.builtIn && (
              <Tag className="attribute-tag" style={{ marginInlineStart: 8 }}>
                {t('segment.builtIn')}
              </Tag>
            )}
          </span>
          <span className="segment-summary" title={describeCondition(segment.definition.condition, describe)}>
            {describeCondition(segment.definition.condition, describe)}
          </span>
        </div>
      ),
    },
    {
      title: t('segment.size'),
      dataIndex: 'size',
      width: 130,
      align: 'right',
      sorter: (a, b) => a.size - b.size,
      render: (size: number) => <span className="amount">{format.number(size)}</span>,
    },
    { title: t('segment.version'), dataIndex: 'version', width: 90, align: 'right', render: (version: number) => `v${version}` },
    { title: t('segment.createdBy'), dataIndex: 'createdBy', width: 130, render: (by?: string) => by ?? '—' },
    {
      title: t('segment.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (at: string) => format.dateTime(at),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.segments')}
        subtitle={t('segment.listSubtitle')}
        extra={
          can('audience:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/segments/new')} data-testid="segment-new">
              {t('segment.new')}
            </Button>
          )
        }
      />
      {error ? <ProblemAlert error={error} onRetry={reload} className="page-alert" /> : null}
      <Card variant="borderless" className="table-card">
        <div className="inline-filters" style={{ display: 'flex', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('segment.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ width: 280 }}
            data-testid="segment-search"
          />
          <Segmented<Kind>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: t('filter.all') },
              { value: 'custom', label: t('segment.custom') },
              { value: 'builtIn', label: t('segment.builtIn') },
            ]}
          />
        </div>
        <ListTable<Segment>
          size="large"
          columns={columns}
          rows={segments}
          loading={loading}
          paged
          rowTestId="segment-row"
          onOpen={(segment) => navigate(`/segments/${segment.id}`)}
          empty={t(query || kind !== 'all' ? 'segment.noMatch' : 'segment.empty')}
          data-testid="segments-table"
        />
      </Card>
      {(data?.length ?? 0) >= 2 && <OverlapCard segments={data ?? []} />}
    </>
  );
}

/** Every segment with its size and definition in words, and a comparison of two or three of them. */
export default function SegmentsPage() {
  return (
    <CatalogProvider>
      <SegmentList />
    </CatalogProvider>
  );
}
