import { Card, Input, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { CursorTable } from '../shared/components/CursorTable';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { messagingApi, SEND_STATES, type SendRow, type SendState } from './api';
import { sendStateLabel } from './labels';
import { useMessageColumns, useMessageRows } from './MessagesTable';
import { SandboxBanner } from './SandboxBanner';

function stateOf(value: string | null): SendState | undefined {
  return SEND_STATES.find((state) => state === value);
}

/** The send ledger, newest first: every message meant for a customer, whether it went out, and if not, why. */
export default function MessagesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = stateOf(params.get('state'));
  const customer = Number(params.get('customerId')) || undefined;
  const list = useCursorList((cursor, signal) => messagingApi.messages({ state, customerId: customer }, cursor, signal), [state, customer]);
  const columns = useMessageColumns(true);
  const rows = useMessageRows();

  const filter = (name: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') {
      next.delete(name);
    } else {
      next.set(name, String(value));
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('nav.messages')} subtitle={t('messages.subtitle')} breadcrumb={[{ title: t('nav.messaging') }, { title: t('nav.messages') }]} />
      <SandboxBanner compact />
      <Card variant="borderless" className="filter-card">
        <div className="messaging-filters">
          <Select<SendState | ''>
            value={state ?? ''}
            onChange={(value) => filter('state', value)}
            style={{ width: 180 }}
            data-testid="message-state-filter"
            options={[
              { value: '', label: t('messages.anyState') },
              ...SEND_STATES.map((value) => ({ value, label: sendStateLabel(t, value) })),
            ]}
          />
          <Input.Search
            key={customer ?? 'none'}
            allowClear
            inputMode="numeric"
            defaultValue={customer}
            placeholder={t('messages.customerFilter')}
            onSearch={(value) => filter('customerId', value.replace(/\D/g, ''))}
            style={{ width: 240 }}
            data-testid="message-customer-filter"
          />
        </div>
      </Card>
      <CursorTable<SendRow>
        list={list}
        columns={columns}
        {...rows}
        empty={t(state || customer ? 'messages.noMatch' : 'messages.empty')}
        data-testid="messages-table"
      />
    </>
  );
}
