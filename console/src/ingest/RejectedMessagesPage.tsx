import { Tag, type TableColumnsType } from 'antd';
import { CursorTable, TruncatedText } from '../shared/components/CursorTable';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { ingestApi, type RejectedMessage } from './api';

/** The body as kept, indented when it is whole JSON (a cut body is shown as it is). */
function readableBody(message: RejectedMessage): string {
  if (message.bodyTruncated) {
    return `${message.body}…`;
  }
  try {
    return JSON.stringify(JSON.parse(message.body), null, 2);
  } catch {
    return message.body;
  }
}

function RejectionDetail({ message }: { message: RejectedMessage }) {
  const { t } = useI18n();
  return (
    <div className="rejection-detail">
      <ul className="rejection-errors">
        {message.errors.map((error, position) => (
          <li key={position}>
            <span className="mono">{error.field || 'message'}</span> <Tag className="mono">{error.rule}</Tag> {error.detail}
          </li>
        ))}
      </ul>
      {message.bodyTruncated ? <div className="muted small">{t('rejected.truncated')}</div> : null}
      <pre className="audit-json" data-testid="rejected-body">
        {readableBody(message)}
      </pre>
    </div>
  );
}

export default function RejectedMessagesPage() {
  const { t } = useI18n();
  const format = useFormat();
  const list = useCursorList((cursor, signal) => ingestApi.rejectedMessages(cursor, signal), []);

  const columns: TableColumnsType<RejectedMessage> = [
    { title: t('rejected.at'), dataIndex: 'rejectedAt', width: 170, render: (at: string) => format.preciseDateTime(at) },
    {
      title: t('rejected.writeKey'),
      dataIndex: 'writeKeyName',
      width: 160,
      render: (name?: string) => (name ? <strong>{name}</strong> : <span className="muted">{t('rejected.internal')}</span>),
    },
    {
      title: t('rejected.endpoint'),
      dataIndex: 'endpoint',
      width: 140,
      render: (endpoint: string, message) => (
        <span className="mono">
          {endpoint}
          {message.index === undefined || message.index === null ? '' : `[${message.index}]`}
        </span>
      ),
    },
    {
      title: t('rejected.messageId'),
      dataIndex: 'messageId',
      width: 200,
      ellipsis: true,
      render: (id?: string) => (id ? <span className="mono">{id}</span> : '—'),
    },
    { title: t('rejected.reason'), dataIndex: 'reason', width: 120, render: (reason: string) => <Tag color="red" className="mono">{reason}</Tag> },
    {
      title: t('rejected.errors'),
      dataIndex: 'errors',
      ellipsis: { showTitle: false },
      render: (_: unknown, message) => (
        <TruncatedText text={message.errors.map((error) => `${error.field || 'message'}: ${error.detail}`).join(' · ')} />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.rejectedMessages')}
        subtitle={t('rejected.subtitle')}
        breadcrumb={[{ title: t('nav.settings') }, { title: t('nav.rejectedMessages') }]}
      />
      <CursorTable<RejectedMessage>
        list={list}
        columns={columns}
        scroll={{ x: 1100 }}
        rowTestId="rejected-row"
        expandable={{ expandedRowRender: (message) => <RejectionDetail message={message} /> }}
        empty={t('rejected.empty')}
      />
    </>
  );
}
