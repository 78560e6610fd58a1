import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { TruncatedText } from '../shared/components/CursorTable';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { channelLabel } from '../shared/labels';
import type { SendRow } from './api';
import { outcomeText } from './labels';
import { CustomerLink, EngagementMarks, SendStateTag } from './SendStateTag';

/**
 * The columns of the send ledger: when, to whom (unless the table is on the customer's own profile), which template,
 * where each message stands and why, and what the customer did with it.
 */
export function useMessageColumns(showCustomer: boolean): TableColumnsType<SendRow> {
  const { t } = useI18n();
  const format = useFormat();
  const columns: TableColumnsType<SendRow> = [
    {
      title: t('message.time'),
      key: 'time',
      width: 170,
      render: (_, row) => format.dateTime(row.sentAt ?? row.queuedAt),
    },
    ...(showCustomer
      ? [{ title: t('message.customer'), dataIndex: 'customerId', width: 150, render: (id: number) => <CustomerLink id={id} /> }]
      : []),
    { title: t('message.channel'), dataIndex: 'channel', width: 90, render: (channel: string) => channelLabel(t, channel) },
    {
      title: t('message.template'),
      key: 'template',
      width: 200,
      render: (_, row) => (
        <span className="mono">
          {row.templateKey} <span className="muted">v{row.templateVersion}</span>
        </span>
      ),
    },
    {
      title: t('message.subject'),
      dataIndex: 'subject',
      width: 220,
      ellipsis: { showTitle: false },
      render: (subject?: string) => (subject ? <TruncatedText text={subject} /> : <span className="muted">—</span>),
    },
    { title: t('message.state'), dataIndex: 'state', width: 100, render: (_, row) => <SendStateTag state={row.state} /> },
    {
      title: t('message.outcome'),
      key: 'outcome',
      width: 300,
      ellipsis: { showTitle: false },
      render: (_, row) => {
        const text = outcomeText(t, row);
        return text ? <TruncatedText text={text} /> : <span className="muted">—</span>;
      },
    },
    {
      title: t('message.provider'),
      dataIndex: 'provider',
      width: 100,
      render: (provider?: string) => (provider ? <span className="mono">{provider}</span> : <span className="muted">—</span>),
    },
    { title: t('message.engagement'), key: 'engagement', width: 170, render: (_, row) => <EngagementMarks row={row} /> },
  ];
  return columns;
}

/** What the ledger's tables share: rows that open their message, and room for every column. */
export function useMessageRows() {
  const navigate = useNavigate();
  return {
    scroll: { x: 1200 },
    rowTestId: 'message-row',
    onOpen: (row: SendRow) => navigate(`/messaging/messages/${row.id}`),
  };
}
