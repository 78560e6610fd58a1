import { EditOutlined, StarFilled } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../access/SessionProvider';
import { StatisticRow } from '../shared/components/StatisticRow';
import { useApi } from '../shared/hooks/useApi';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { productSourceLabel } from '../shared/labels';
import { PageHeader } from '../shared/layout/PageHeader';
import { RecordPending } from '../shared/layout/RecordPending';
import { commerceApi, type AttributeValue, type ProductDetail } from './api';
import { ProductForm } from './ProductForm';
import { ProductThumbnail } from './ProductThumbnail';

function showAttribute(value: AttributeValue): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export default function ProductDetailPage() {
  const { productId = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const { data, error, reload, setData } = useApi((signal) => commerceApi.product(productId, signal), [productId]);
  const crumbs = [{ title: t('nav.products'), path: '/products' }];

  if (error || !data) {
    return <RecordPending kind="product" id={productId} breadcrumb={crumbs} error={error} onRetry={reload} />;
  }

  const { product } = data;
  const name = product.name ?? product.productId;
  return (
    <>
      <PageHeader
        title={
          <span className="title-with-tags">
            <ProductThumbnail product={product} size={40} />
            {name}
            {product.category && <Tag variant="filled">{product.category}</Tag>}
          </span>
        }
        documentTitle={name}
        breadcrumb={[...crumbs, { title: name }]}
        subtitle={<span className="mono">{product.productId}</span>}
        extra={
          can('catalogue:write') ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-product">
              {t('action.edit')}
            </Button>
          ) : undefined
        }
      />
      <Sales data={data} />
      <Information data={data} />
      {can('catalogue:write') && (
        <ProductForm
          open={editing}
          product={product}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setData(saved);
            setEditing(false);
          }}
        />
      )}
    </>
  );
}

function Sales({ data }: { data: ProductDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const { sales, product } = data;
  return (
    <Card variant="borderless" className="amounts-card" title={t('product.sales')} data-testid="product-sales">
      <StatisticRow
        figures={[
          { title: t('product.revenue'), value: format.money(sales.revenue, product.currency) },
          { title: t('product.unitsSold'), value: format.number(sales.unitsSold) },
          { title: t('product.orders'), value: format.number(sales.orders) },
          {
            title: t('product.averageUnitRevenue'),
            value: sales.unitsSold > 0 ? format.money(sales.revenue / sales.unitsSold, product.currency) : '—',
          },
        ]}
      />
    </Card>
  );
}

function Information({ data }: { data: ProductDetail }) {
  const { t } = useI18n();
  const format = useFormat();
  const { product } = data;
  const attributes = Object.entries(product.attributes ?? {});
  return (
    <Card variant="borderless" title={t('product.information')} className="section-card" data-testid="product-information">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'sku', label: t('product.sku'), children: product.sku ? <span className="mono">{product.sku}</span> : '—' },
          { key: 'category', label: t('product.category'), children: product.category ?? '—' },
          { key: 'brand', label: t('product.brand'), children: product.brand ?? '—' },
          { key: 'variant', label: t('product.variant'), children: product.variant ?? '—' },
          { key: 'price', label: t('product.price'), children: format.money(product.price, product.currency) },
          { key: 'stock', label: t('product.stock'), children: format.number(product.stock) },
          {
            key: 'rating',
            label: t('product.rating'),
            children:
              product.rating === undefined ? '—' : (
                <span className="rating">
                  <StarFilled /> {product.rating.toFixed(1)}
                </span>
              ),
          },
          { key: 'source', label: t('product.source'), children: productSourceLabel(t, product.source) },
          { key: 'updated', label: t('product.updatedAt'), children: format.dateTime(product.updatedAt) },
          {
            key: 'url',
            label: t('product.url'),
            span: { xs: 1, md: 2, xl: 3 },
            children: product.url ? (
              <a href={product.url} target="_blank" rel="noopener noreferrer">
                {product.url}
              </a>
            ) : (
              '—'
            ),
          },
          {
            key: 'image',
            label: t('product.imageUrl'),
            span: { xs: 1, md: 2, xl: 3 },
            children: product.imageUrl ? <span className="mono small">{product.imageUrl}</span> : '—',
          },
          {
            key: 'attributes',
            label: t('product.attributes'),
            span: { xs: 1, md: 2, xl: 3 },
            children:
              attributes.length === 0
                ? '—'
                : attributes.map(([key, value]) => (
                    <Tag key={key} className="attribute-tag">
                      <span className="muted">{key}:</span> {showAttribute(value)}
                    </Tag>
                  )),
          },
        ]}
      />
    </Card>
  );
}
