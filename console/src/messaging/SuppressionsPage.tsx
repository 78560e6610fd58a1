import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Popconfirm, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSession } from '../access/SessionProvider';
import { CursorTable, TruncatedText } from '../shared/components/CursorTable';
import { FormDialog } from '../shared/components/FormDialog';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { channelLabel } from '../shared/labels';
import { CHANNELS, messagingApi, type Suppression, type TemplateChannel } from './api';
import { CustomerPicker } from './CustomerPicker';
import { suppressionReasonLabel } from './labels';
import { CustomerLink } from './SendStateTag';

interface SuppressionForm {
  customerId?: number;
  channel: TemplateChannel;
  note?: string;
}

function LiftButton({ suppression, onLifted }: { suppression: Suppression; onLifted: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission();
  return (
    <Popconfirm
      title={t('suppressions.liftConfirm', { id: suppression.customerId })}
      okText={t('suppressions.lift')}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: true, loading: submission.submitting }}
      onConfirm={() =>
        submission.submit(() => messagingApi.lift(suppression.customerId, suppression.channel), {
          success: t('suppressions.lifted'),
          onSuccess: onLifted,
        })
      }
    >
      <Button size="small" danger icon={<DeleteOutlined />} data-testid="suppression-lift">
        {t('suppressions.lift')}
      </Button>
    </Popconfirm>
  );
}

/** Customers no message of a channel reaches, whatever their consent says; added and lifted by hand. */
export default function SuppressionsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const { can } = useSession();
  const [form] = Form.useForm<SuppressionForm>();
  const [adding, setAdding] = useState(false);
  const submission = useSubmission({ resetOn: adding });
  const list = useCursorList((cursor, signal) => messagingApi.suppressions(cursor, signal), []);
  const writable = can('suppressions:write');

  const columns: TableColumnsType<Suppression> = [
    { title: t('suppressions.since'), dataIndex: 'createdAt', width: 170, render: (at: string) => format.dateTime(at) },
    { title: t('message.customer'), dataIndex: 'customerId', width: 160, render: (id: number) => <CustomerLink id={id} /> },
    { title: t('message.channel'), dataIndex: 'channel', width: 110, render: (channel: string) => channelLabel(t, channel) },
    { title: t('suppressions.reason'), dataIndex: 'reason', width: 130, render: (reason: string) => suppressionReasonLabel(t, reason) },
    {
      title: t('suppressions.note'),
      dataIndex: 'note',
      ellipsis: { showTitle: false },
      render: (note?: string) => (note ? <TruncatedText text={note} /> : <span className="muted">—</span>),
    },
    { title: t('suppressions.by'), dataIndex: 'createdBy', width: 140 },
    ...(writable
      ? [
          {
            title: t('table.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, suppression: Suppression) => <LiftButton suppression={suppression} onLifted={list.reload} />,
          },
        ]
      : []),
  ];

  const add = (values: SuppressionForm) =>
    submission.submit(
      () => messagingApi.suppress({ customerId: values.customerId!, channel: values.channel, note: values.note?.trim() || undefined }),
      {
        success: (answer) => t(answer.added ? 'suppressions.added' : 'suppressions.already'),
        onSuccess: () => {
          setAdding(false);
          list.reload();
        },
      },
    );

  return (
    <>
      <PageHeader
        title={t('nav.suppressions')}
        subtitle={t('suppressions.subtitle')}
        breadcrumb={[{ title: t('nav.messaging') }, { title: t('nav.suppressions') }]}
        extra={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="suppression-add">
              {t('suppressions.add')}
            </Button>
          )
        }
      />
      <Alert className="page-alert" type="info" showIcon title={t('suppressions.explain')} />
      <CursorTable<Suppression>
        list={list}
        columns={columns}
        rowKey={(suppression) => `${suppression.customerId}/${suppression.channel}`}
        rowTestId="suppression-row"
        empty={t('suppressions.empty')}
      />
      <FormDialog<SuppressionForm>
        open={adding}
        title={t('suppressions.add')}
        okText={t('suppressions.add')}
        okTestId="suppression-submit"
        submission={submission}
        onCancel={() => setAdding(false)}
        form={form}
        name="suppression"
        initialValues={{ channel: 'email' }}
        onFinish={add}
      >
        <Form.Item
          name="customerId"
          label={t('message.customer')}
          rules={[{ required: true, message: t('form.required') }]}
          validateStatus={submission.fieldError('customerId') ? 'error' : undefined}
          help={submission.fieldError('customerId')}
        >
          <CustomerPicker testId="suppression-customer" />
        </Form.Item>
        <Form.Item name="channel" label={t('message.channel')} rules={[{ required: true }]}>
          <Select options={CHANNELS.map((channel) => ({ value: channel, label: channelLabel(t, channel) }))} data-testid="suppression-channel" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('suppressions.note')}
          extra={t('suppressions.noteHint')}
          validateStatus={submission.fieldError('note') ? 'error' : undefined}
          help={submission.fieldError('note')}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="suppression-note" />
        </Form.Item>
      </FormDialog>
    </>
  );
}
