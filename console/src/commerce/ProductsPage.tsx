import { StarFilled } from '@ant-design/icons';
import { Card, Col, Input, Row, Select, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CursorTable } from '../shared/components/CursorTable';
import { useApi } from '../shared/hooks/useApi';
import { useCursorList } from '../shared/hooks/useCursorList';
import { useFormat } from '../shared/hooks/useFormat';
import { useI18n } from '../shared/i18n/I18nProvider';
import { PageHeader } from '../shared/layout/PageHeader';
import { commerceApi, type Product, type ProductQuery } from './api';
import { ProductThumbnail } from './ProductThumbnail';

export default function ProductsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: ProductQuery = useMemo(
    () => ({ q: params.get('q') ?? undefined, category: params.get('category') ?? undefined }),
    [params],
  );
  const categories = useApi((signal) => commerceApi.categories(signal), []);
  const list = useCursorList((cursor, signal) => commerceApi.products(query, cursor, signal), [query.q, query.category]);

  const update = (name: keyof ProductQuery, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value && value.trim()) {
      next.set(name, value.trim());
    } else {
      next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Product> = [
    {
      title: t('product.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 260,
      render: (_, product) => (
        <div className="product-cell">
          <ProductThumbnail product={product} />
          <div>
            <Link to={`/products/${encodeURIComponent(product.productId)}`} onClick={(event) => event.stopPropagation()}>
              {product.name ?? product.productId}
            </Link>
            <div className="muted small mono">{product.sku ?? product.productId}</div>
          </div>
        </div>
      ),
    },
    { title: t('product.category'), dataIndex: 'category', width: 110, render: (value?: string) => value ?? '—' },
    { title: t('product.brand'), dataIndex: 'brand', width: 110, render: (value?: string) => value ?? '—' },
    { title: t('product.variant'), dataIndex: 'variant', width: 110, render: (value?: string) => value ?? '—' },
    {
      title: t('product.price'),
      dataIndex: 'price',
      width: 110,
      align: 'right',
      render: (price: number | undefined, product) => <span className="amount">{format.money(price, product.currency)}</span>,
    },
    {
      title: t('product.stock'),
      dataIndex: 'stock',
      width: 90,
      align: 'right',
      render: (stock?: number) => (stock === undefined ? '—' : <span className={stock < 30 ? 'low-stock' : undefined}>{format.number(stock)}</span>),
    },
    {
      title: t('product.rating'),
      dataIndex: 'rating',
      width: 90,
      align: 'right',
      render: (rating?: number) =>
        rating === undefined ? '—' : (
          <span className="rating">
            <StarFilled /> {rating.toFixed(1)}
          </span>
        ),
    },
    { title: t('product.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (at?: string) => format.dateTime(at) },
  ];

  return (
    <>
      <PageHeader title={t('products.title')} subtitle={t('products.subtitle')} />
      <Card variant="borderless" className="filter-card">
        <Row gutter={[16, 16]}>
          <Col xs={24} md={14} xl={10}>
            <Input.Search
              key={query.q ?? ''}
              defaultValue={query.q}
              allowClear
              enterButton={t('action.search')}
              placeholder={t('products.searchPlaceholder')}
              onSearch={(value) => update('q', value)}
              data-testid="product-search"
            />
          </Col>
          <Col xs={24} md={10} xl={6}>
            <Select
              allowClear
              className="full-width"
              placeholder={t('products.allCategories')}
              value={query.category}
              loading={categories.loading}
              onChange={(value?: string) => update('category', value)}
              data-testid="product-category"
              options={(categories.data ?? []).map((category) => ({
                value: category.name,
                label: `${category.name} (${format.number(category.products)})`,
              }))}
            />
          </Col>
        </Row>
      </Card>
      <CursorTable<Product>
        list={list}
        rowKey="productId"
        columns={columns}
        scroll={{ x: 1040 }}
        rowTestId="product-row"
        onOpen={(product) => navigate(`/products/${encodeURIComponent(product.productId)}`)}
        empty={t(query.q || query.category ? 'products.noMatch' : 'products.empty')}
      />
    </>
  );
}
