import { Button, Form, Input, InputNumber, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSession } from '../access/SessionProvider';
import { FormDialog } from '../shared/components/FormDialog';
import { useSubmission } from '../shared/hooks/useSubmission';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import type { MessageKey } from '../shared/i18n/en';
import { loyaltyApi, type PointsLine } from './api';

const KIND_COLOR: Record<string, string> = { grant: 'green', redeem: 'blue', expire: 'default', reverse: 'orange', merge: 'purple' };

/** A member's points on the profile: the balance, and the ledger line by line that explains it, newest first. */
export function CustomerPoints({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const [adjusting, setAdjusting] = useState(false);
  const state = useApi((signal) => loyaltyApi.points(customerId, signal), [customerId]);
  const columns: TableColumnsType<PointsLine> = [
    { title: t('points.at'), dataIndex: 'at', width: 170, render: (at: string) => format.dateTime(at) },
    {
      title: t('points.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => <Tag color={KIND_COLOR[kind] ?? 'default'}>{t(`points.kind.${kind}` as MessageKey)}</Tag>,
    },
    {
      title: t('points.points'),
      dataIndex: 'points',
      width: 110,
      align: 'right',
      render: (points: number) => (points > 0 ? `+${format.number(points)}` : format.number(points)),
    },
    { title: t('points.balanceAfter'), dataIndex: 'balanceAfter', width: 120, align: 'right', render: (n: number) => format.number(n) },
    { title: t('points.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('points.expiresAt'),
      dataIndex: 'expiresAt',
      width: 170,
      render: (at?: string) => (at ? format.dateTime(at) : <span className="muted">—</span>),
    },
  ];
  return (
    <div data-testid="profile-points">
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      <Space align="end" size="large">
        <Statistic title={t('points.balance')} value={state.data?.balance ?? 0} loading={state.loading} data-testid="points-balance" />
        {can('loyalty:write') ? (
          <Button onClick={() => setAdjusting(true)} data-testid="points-adjust">
            {t('points.adjust')}
          </Button>
        ) : null}
      </Space>
      <AdjustDialog
        customerId={customerId}
        open={adjusting}
        onClose={() => setAdjusting(false)}
        onDone={() => {
          setAdjusting(false);
          state.reload();
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('points.hint')}
      </Typography.Paragraph>
      <Table<PointsLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={state.data?.lines ?? []}
        loading={state.loading}
        pagination={false}
        locale={{ emptyText: t('points.empty') }}
      />
    </div>
  );
}

interface AdjustValues {
  points: number;
  reason: string;
}

/** Grants (positive) or deducts (negative) points by hand with a reason; a retry of one submission counts once. */
function AdjustDialog({ customerId, open, onClose, onDone }: { customerId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AdjustValues>();
  const submission = useSubmission({ resetOn: open });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const adjust = ({ points, reason }: AdjustValues) =>
    submission.submit(() => loyaltyApi.adjust(customerId, { points, reason: reason.trim() }, key), {
      success: t('points.adjusted'),
      onSuccess: () => {
        setKey(crypto.randomUUID());
        form.resetFields();
        onDone();
      },
    });
  return (
    <FormDialog<AdjustValues>
      open={open}
      title={t('points.adjust')}
      okText={t('points.adjustSubmit')}
      okTestId="points-adjust-submit"
      submission={submission}
      onCancel={onClose}
      form={form}
      onFinish={adjust}
    >
      <Form.Item name="points" label={t('points.points')} extra={t('points.adjustHint')} rules={[{ required: true, message: t('form.required') }]}>
        <InputNumber className="full-width" min={-1_000_000} max={1_000_000} precision={0} data-testid="points-adjust-points" />
      </Form.Item>
      <Form.Item name="reason" label={t('points.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={200} data-testid="points-adjust-reason" />
      </Form.Item>
    </FormDialog>
  );
}
