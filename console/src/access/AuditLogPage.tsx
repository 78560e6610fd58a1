import { AutoComplete, Button, Card, Form, Input, Tag, type TableColumnsType } from 'antd';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CursorTable, TruncatedText } from '../shared/components/CursorTable';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import type { MessageKey } from '../shared/i18n/en';
import { useI18n, type Translate } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { accessApi, type AuditEntry, type AuditQuery } from './api';

/** Prefixes of the actions Siyu records, offered while typing; any other prefix works too. */
const ACTION_PREFIXES = ['session.', 'operator.', 'write-key.', 'api-token.', 'product.', 'import.', 'customer.'];

function detailEntries(detail: AuditEntry['detail']): [string, string][] {
  if (!detail) {
    return [];
  }
  if (typeof detail === 'string') {
    return [['', detail]];
  }
  return Object.entries(detail).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
}

const ACTOR_KINDS: Record<string, MessageKey> = {
  OPERATOR: 'audit.kind.OPERATOR',
  API_TOKEN: 'audit.kind.API_TOKEN',
  SYSTEM: 'audit.kind.SYSTEM',
  WRITE_KEY: 'audit.kind.WRITE_KEY',
  ANONYMOUS: 'audit.kind.ANONYMOUS',
};

function actorKindLabel(t: Translate, kind: string): string {
  return ACTOR_KINDS[kind] ? t(ACTOR_KINDS[kind]) : kind;
}

export default function AuditLogPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const query: AuditQuery = useMemo(
    () => ({ action: params.get('action') ?? undefined, actor: params.get('actor') ?? undefined }),
    [params],
  );
  const [form] = Form.useForm<AuditQuery>();
  useEffect(() => form.setFieldsValue({ action: query.action ?? '', actor: query.actor ?? '' }), [form, query]);
  const list = useCursorList((cursor, signal) => accessApi.auditLog(query, cursor, signal), [query.action, query.actor]);

  const apply = (values: AuditQuery) => {
    const next = new URLSearchParams();
    if (values.action?.trim()) next.set('action', values.action.trim());
    if (values.actor?.trim()) next.set('actor', values.actor.trim());
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => format.preciseDateTime(at) },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      width: 180,
      render: (actor: string, entry) => (
        <span className="audit-actor">
          <span className="mono">{actor}</span>
          <Tag className="actor-kind">{actorKindLabel(t, entry.actorKind)}</Tag>
        </span>
      ),
    },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (action: string) => <Tag color="blue" className="mono">{action}</Tag> },
    { title: t('audit.target'), dataIndex: 'target', width: 130, render: (target?: string) => (target ? <span className="mono">{target}</span> : '—') },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 96,
      render: (outcome: number) => (
        <Tag color={outcome < 400 ? 'green' : 'red'} variant="filled">
          {String(outcome)}
        </Tag>
      ),
    },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      ellipsis: { showTitle: false },
      render: (detail: AuditEntry['detail']) => {
        const entries = detailEntries(detail);
        if (entries.length === 0) {
          return <span className="muted">—</span>;
        }
        const text = entries.map(([key, value]) => (key ? `${key}: ${value}` : value)).join(' · ');
        return <TruncatedText text={text} />;
      },
    },
    { title: t('audit.clientIp'), dataIndex: 'clientIp', width: 150, render: (ip?: string) => (ip ? <span className="mono">{ip}</span> : '—') },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.auditLog')}
        subtitle={t('audit.subtitle')}
        breadcrumb={[{ title: t('nav.settings') }, { title: t('nav.auditLog') }]}
      />
      <Card variant="borderless" className="filter-card">
        <Form<AuditQuery> form={form} layout="inline" onFinish={apply} className="inline-filters">
          <Form.Item name="action" label={t('audit.actionPrefix')}>
            <AutoComplete
              className="audit-filter"
              allowClear
              placeholder="operator."
              options={ACTION_PREFIXES.map((prefix) => ({ value: prefix }))}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input className="audit-filter" allowClear placeholder="operator:1" data-testid="audit-actor" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="audit-apply">
              {t('action.filter')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={() => apply({})}>{t('action.reset')}</Button>
          </Form.Item>
        </Form>
      </Card>
      <CursorTable<AuditEntry>
        list={list}
        columns={columns}
        scroll={{ x: 1100 }}
        rowTestId="audit-row"
        expandable={{
          expandedRowRender: (entry) => <pre className="audit-json">{JSON.stringify(entry.detail ?? {}, null, 2)}</pre>,
          rowExpandable: (entry) => detailEntries(entry.detail).length > 0,
        }}
        empty={t(query.action || query.actor ? 'audit.noMatch' : 'audit.empty')}
      />
    </>
  );
}
