import { Button, Col, Drawer, Form, Input, InputNumber, Row, Space } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../shared/api/client';
import { ProblemAlert } from '../shared/components/ProblemAlert';
import { useSubmission } from '../shared/hooks/useSubmission';
import { useI18n } from '../shared/i18n/I18nProvider';
import { commerceApi, type AttributeValue, type Product, type ProductChange, type ProductDetail } from './api';

interface ProductFormValues {
  sku?: string;
  name?: string;
  category?: string;
  brand?: string;
  variant?: string;
  price?: number | null;
  currency?: string;
  stock?: number | null;
  rating?: number | null;
  imageUrl?: string;
  url?: string;
  attributes?: string;
}

/** Form field names for the server's wire names, so that a 400's field errors land on the right input. */
const FIELD_OF: Record<string, keyof ProductFormValues> = { image_url: 'imageUrl', imageUrl: 'imageUrl' };

function blankToUndefined(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function toChange(values: ProductFormValues): ProductChange {
  return {
    sku: blankToUndefined(values.sku),
    name: blankToUndefined(values.name),
    category: blankToUndefined(values.category),
    brand: blankToUndefined(values.brand),
    variant: blankToUndefined(values.variant),
    price: values.price ?? undefined,
    currency: blankToUndefined(values.currency)?.toUpperCase(),
    stock: values.stock ?? undefined,
    rating: values.rating ?? undefined,
    image_url: blankToUndefined(values.imageUrl),
    url: blankToUndefined(values.url),
    attributes: values.attributes?.trim() ? (JSON.parse(values.attributes) as Record<string, AttributeValue>) : undefined,
  };
}

function toValues(product: Product): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    category: product.category,
    brand: product.brand,
    variant: product.variant,
    price: product.price,
    currency: product.currency,
    stock: product.stock,
    rating: product.rating,
    imageUrl: product.imageUrl,
    url: product.url,
    attributes: product.attributes && Object.keys(product.attributes).length > 0 ? JSON.stringify(product.attributes, null, 2) : '',
  };
}

interface ProductFormProps {
  open: boolean;
  product: Product;
  onClose: () => void;
  onSaved: (saved: ProductDetail) => void;
}

/** Edits a product of the catalogue; the whole product is sent, as PUT replaces it. */
export function ProductForm({ open, product, onClose, onSaved }: ProductFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProductFormValues>();
  const submission = useSubmission({ resetOn: open });

  useEffect(() => {
    if (open) {
      form.setFieldsValue(toValues(product));
    }
  }, [open, product, form]);

  /** The server's field errors, each under its input as well as in the alert above the form. */
  const markFields = (failure: unknown) => {
    if (failure instanceof ApiError && failure.problem.errors) {
      form.setFields(
        failure.problem.errors
          .map((fieldError) => ({ name: FIELD_OF[fieldError.field] ?? fieldError.field, errors: [fieldError.detail] }))
          .filter((field) => field.name in toValues(product)) as { name: keyof ProductFormValues; errors: string[] }[],
      );
    }
  };

  const save = (values: ProductFormValues) =>
    submission.submit(() => commerceApi.saveProduct(product.productId, toChange(values)), {
      onSuccess: onSaved,
      onFailure: markFields,
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('product.edit', { name: product.name ?? product.productId })}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={submission.submitting} onClick={() => form.submit()} data-testid="save-product">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      {submission.failure ? <ProblemAlert error={submission.failure} className="form-alert" /> : null}
      <Form<ProductFormValues> form={form} layout="vertical" onFinish={save} data-testid="product-form">
        <Form.Item name="name" label={t('product.nameField')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="sku" label={t('product.sku')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('product.category')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="brand" label={t('product.brand')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="variant" label={t('product.variant')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="price" label={t('product.price')}>
              <InputNumber min={0} precision={2} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="currency"
              label={t('product.currency')}
              rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('product.currencyRule') }]}
            >
              <Input maxLength={3} placeholder="CNY" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stock" label={t('product.stock')}>
              <InputNumber min={0} precision={0} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="rating" label={t('product.rating')}>
              <InputNumber min={0} max={5} step={0.1} precision={1} className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="url" label={t('product.url')} rules={[{ type: 'url', message: t('form.url') }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="imageUrl" label={t('product.imageUrl')} rules={[{ type: 'url', message: t('form.url') }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item
          name="attributes"
          label={t('product.attributes')}
          extra={t('product.attributesHint')}
          rules={[
            {
              validator: async (_, value?: string) => {
                if (!value?.trim()) {
                  return;
                }
                let parsed: unknown;
                try {
                  parsed = JSON.parse(value);
                } catch {
                  throw new Error(t('product.attributesRule'));
                }
                if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
                  throw new Error(t('product.attributesRule'));
                }
              },
            },
          ]}
        >
          <Input.TextArea rows={4} className="mono" placeholder='{"colour": "red"}' />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
