import { Card, Col, Descriptions, Row, Skeleton, Tag as AntTag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../shared/api/client';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { audienceApi, type LifecycleModel, type TagHistoryEntry } from './api';
import { modelLabel, RFM_COLOURS, rfmGroupLabel, stageLabel, tagChangeLabel } from './labels';
import { TagKindTag } from './tags/TagBits';
import { ListTable } from '../shared/components/ListTable';

const CHANGE_COLOURS: Record<string, string> = { ADDED: 'green', CHANGED: 'blue', REMOVED: 'red' };

/** Where a customer stands in the audience engine: tags, segments, lifecycle stages and RFM scores. */
export function AudienceCard({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const audience = useApi((signal) => audienceApi.customer(customerId, signal), [customerId]);
  const models = useApi((signal) => audienceApi.models(signal), []);
  const data = audience.data;
  const savedModel = (name: string): LifecycleModel | undefined => models.data?.find((model) => model.name === name);
  if (audience.error && !(audience.error instanceof ApiError && audience.error.status === 503)) {
    return <ProblemAlert error={audience.error} onRetry={audience.reload} className="page-alert" />;
  }
  const stages = Object.entries(data?.stages ?? {}).filter(([model]) => model !== 'rfm');
  return (
    <Card variant="borderless" className="section-card" title={t('profile.audience')} data-testid="profile-audience">
      {!data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={8}>
            <div className="facts-subtitle">{t('profile.tags')}</div>
            {data.tags.length === 0 ? (
              <span className="muted">{t('profile.noTags')}</span>
            ) : (
              <div className="audience-tags" data-testid="profile-tags">
                {data.tags.map((tag) => (
                  <Tooltip key={tag.tagId} title={t('profile.tagAssigned', { at: format.dateTime(tag.assignedAt), by: tag.assignedBy ?? '—' })}>
                    <Link to={`/tags/${tag.tagId}`}>
                      <AntTag color={tag.kind === 'RULE' ? 'purple' : tag.kind === 'VALUE' ? 'cyan' : 'blue'}>
                        {tag.name}
                        {tag.value ? `: ${tag.value}` : ''}
                      </AntTag>
                    </Link>
                  </Tooltip>
                ))}
              </div>
            )}
          </Col>
          <Col xs={24} lg={8}>
            <div className="facts-subtitle">{t('profile.segments')}</div>
            {data.segments.length === 0 ? (
              <span className="muted">{t('profile.noSegments')}</span>
            ) : (
              <div className="audience-tags" data-testid="profile-segments">
                {data.segments.map((segment) => (
                  <Link key={segment.id} to={`/segments/${segment.id}`}>
                    <AntTag color={segment.builtIn ? 'purple' : undefined} title={segment.builtIn ? t('segment.builtIn') : undefined}>
                      {segment.builtIn && segment.name.startsWith('RFM: ') ? t('segment.rfmTitle', { group: rfmGroupLabel(t, segment.name.slice(5).replace(/ /g, '_')) }) : segment.name}
                    </AntTag>
                  </Link>
                ))}
              </div>
            )}
          </Col>
          <Col xs={24} lg={8}>
            <Descriptions column={1} size="small" data-testid="profile-stages">
              {stages.map(([model, stage]) => (
                <Descriptions.Item key={model} label={modelLabel(t, model, savedModel(model)?.label)}>
                  <AntTag color="geekblue">{stageLabel(t, model, stage, savedModel(model)?.stages.find((entry) => entry.value === stage)?.label)}</AntTag>
                </Descriptions.Item>
              ))}
              <Descriptions.Item label="RFM">
                {data.rfm ? (
                  <Tooltip
                    title={t('profile.rfmValues', {
                      days: format.number(data.rfm.recencyDays),
                      frequency: format.number(data.rfm.frequency),
                      monetary: format.money(data.rfm.monetary),
                    })}
                  >
                    <span className="rfm-option">
                      <span className="rfm-swatch" style={{ background: RFM_COLOURS[data.rfm.group ?? ''] ?? '#d9d9d9' }} />
                      {rfmGroupLabel(t, data.rfm.group)} · R{data.rfm.r} F{data.rfm.f} M{data.rfm.m}
                    </span>
                  </Tooltip>
                ) : (
                  <span className="muted">{t('profile.noRfm')}</span>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** The tags a customer was given and lost, newest first. */
export function TagHistory({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const tags = useApi((signal) => audienceApi.customerTags(customerId, signal), [customerId]);
  if (tags.error) {
    return <ProblemAlert error={tags.error} onRetry={tags.reload} />;
  }
  return (
    <>
      <div className="facts-subtitle">{t('profile.currentTags')}</div>
      <ListTable
        rowKey="tagId"
        loading={tags.loading}
        rows={tags.data?.tags ?? []}
        style={{ marginBottom: 24 }}
        empty={t('profile.noTags')}
        columns={[
          { title: t('tag.name'), dataIndex: 'name', render: (name: string, tag) => <Link to={`/tags/${tag.tagId}`}>{name}</Link> },
          { title: t('tag.kind'), dataIndex: 'kind', width: 110, render: (kind: string) => <TagKindTag kind={kind} /> },
          { title: t('tag.value'), dataIndex: 'value', width: 140, render: (value?: string) => value ?? '—' },
          { title: t('profile.assignedAt'), dataIndex: 'assignedAt', width: 170, render: (at: string) => format.dateTime(at) },
          { title: t('profile.assignedBy'), dataIndex: 'assignedBy', width: 130, render: (by?: string) => by ?? '—' },
        ]}
      />
      <div className="facts-subtitle">{t('profile.tagHistory')}</div>
      <ListTable<TagHistoryEntry>
        rowKey={(entry) => `${entry.tagId}-${entry.at}-${entry.change}`}
        loading={tags.loading}
        rows={tags.data?.history ?? []}
        paged
        data-testid="profile-tag-history"
        empty={t('profile.noTagHistory')}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => format.dateTime(at) },
          { title: t('tag.name'), dataIndex: 'name' },
          { title: t('profile.change'), dataIndex: 'change', width: 110, render: (change: string) => <AntTag color={CHANGE_COLOURS[change]}>{tagChangeLabel(t, change)}</AntTag> },
          { title: t('tag.value'), dataIndex: 'value', width: 140, render: (value?: string | null) => value || '—' },
          { title: t('profile.assignedBy'), dataIndex: 'by', width: 130, render: (by?: string) => by ?? '—' },
        ]}
      />
    </>
  );
}
