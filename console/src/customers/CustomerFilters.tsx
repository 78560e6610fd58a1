import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../shared/i18n/I18nProvider';
import { CHANNEL_CODES, channelLabel } from '../shared/labels';
import type { CustomerQuery } from './api';

const SEEN_WITHIN = [1, 7, 30, 90, 365] as const;

function positiveNumber(value: string | null): number | undefined {
  if (!value) {
    return undefined;
  }
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** The search a URL describes, so that filtered lists can be bookmarked and survive going back. */
export function filtersFromParams(params: URLSearchParams): CustomerQuery {
  const query: CustomerQuery = {
    q: params.get('q') ?? undefined,
    identity: params.get('identity') ?? undefined,
    trait: params.get('trait') ?? undefined,
    channel: params.get('channel') ?? undefined,
    minOrders: positiveNumber(params.get('minOrders')),
    minSpent: positiveNumber(params.get('minSpent')),
    seenWithinDays: positiveNumber(params.get('seenWithinDays')),
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as CustomerQuery;
}

type FilterValues = Omit<CustomerQuery, 'q'>;

const PAIR = /^[^:\s][^:]*:.+$/;

/** Filters beyond the search box: channel, purchase facts, recency, and identity or trait pairs. */
export function CustomerFilters({ value, onApply }: { value: CustomerQuery; onApply: (query: CustomerQuery) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({
      channel: value.channel,
      minOrders: value.minOrders,
      minSpent: value.minSpent,
      seenWithinDays: value.seenWithinDays,
      identity: value.identity,
      trait: value.trait,
    });
  }, [form, value]);

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      className="filter-form"
      onFinish={(filters) => onApply({ q: value.q, ...filters })}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Form.Item name="channel" label={t('customer.channel')}>
            <Select
              allowClear
              showSearch
              placeholder={t('filter.any')}
              data-testid="filter-channel"
              options={CHANNEL_CODES.map((code) => ({ value: code, label: channelLabel(t, code) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Form.Item name="seenWithinDays" label={t('customers.filter.seenWithin')}>
            <Select
              allowClear
              placeholder={t('filter.any')}
              data-testid="filter-seen-within"
              options={SEEN_WITHIN.map((days) => ({ value: days, label: t('customers.filter.days', { days }) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={8} xl={4}>
          <Form.Item name="minOrders" label={t('customers.filter.minOrders')}>
            <InputNumber min={0} precision={0} className="full-width" placeholder="0" data-testid="filter-min-orders" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={8} xl={4}>
          <Form.Item name="minSpent" label={t('customers.filter.minSpent')}>
            <InputNumber min={0} className="full-width" placeholder="0" prefix="¥" data-testid="filter-min-spent" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Form.Item
            name="identity"
            label={t('customers.filter.identity')}
            rules={[{ pattern: PAIR, message: t('customers.filter.pairRule') }]}
          >
            <Input allowClear placeholder="wechat_openid:oX123" data-testid="filter-identity" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8} xl={4}>
          <Form.Item
            name="trait"
            label={t('customers.filter.trait')}
            rules={[{ pattern: PAIR, message: t('customers.filter.pairRule') }]}
          >
            <Input allowClear placeholder={t('customers.filter.traitPlaceholder')} data-testid="filter-trait" />
          </Form.Item>
        </Col>
      </Row>
      <Space className="filter-actions">
        <Button onClick={() => onApply({})} data-testid="filter-reset">
          {t('action.reset')}
        </Button>
        <Button type="primary" htmlType="submit" data-testid="filter-apply">
          {t('action.filter')}
        </Button>
      </Space>
    </Form>
  );
}
