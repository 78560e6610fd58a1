import { api, type Page } from '../shared/api/client';
import type { QueryOf, Schemas, Shaped } from '../shared/api/schemas';

export type OrderSummary = Schemas['OrderSummary'];
export type OrderStatus = OrderSummary['status'];
export type OrderLine = Schemas['OrderLine'];
export type Refund = Schemas['Refund'];
export type OrderDetail = Schemas['OrderDetail'];
export type OrderQuery = Omit<QueryOf<'/api/v1/orders'>, 'cursor' | 'limit'>;

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
type Attributes = { attributes?: Record<string, AttributeValue> };

export type Product = Shaped<Schemas['Product'], Attributes>;
export type ProductSales = Schemas['ProductSales'];
export type ProductDetail = Shaped<Schemas['ProductDetail'], { product: Product }>;
export type Category = Schemas['ProductCategory'];
/** A product as PUT expects it: the Segment e-commerce names, snake_case included. */
export type ProductChange = Shaped<Omit<Schemas['ProductPayload'], 'product_id'>, Attributes>;
export type ProductQuery = Omit<QueryOf<'/api/v1/products'>, 'cursor' | 'limit'>;

export const commerceApi = {
  orders: (query: OrderQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<OrderSummary>>('/api/v1/orders', { query: { ...query, cursor, limit: 50 }, signal }),
  customerOrders: (customerId: number, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<OrderSummary>>(`/api/v1/customers/${customerId}/orders`, { query: { cursor, limit: 20 }, signal }),
  order: (orderId: string, signal?: AbortSignal) =>
    api.get<OrderDetail>(`/api/v1/orders/${encodeURIComponent(orderId)}`, { signal }),
  products: (query: ProductQuery, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<Product>>('/api/v1/products', { query: { ...query, cursor, limit: 50 }, signal }),
  categories: (signal?: AbortSignal) => api.get<Category[]>('/api/v1/products/categories', { signal }),
  product: (productId: string, signal?: AbortSignal) =>
    api.get<ProductDetail>(`/api/v1/products/${encodeURIComponent(productId)}`, { signal }),
  saveProduct: (productId: string, change: ProductChange) =>
    api.put<ProductDetail>(`/api/v1/products/${encodeURIComponent(productId)}`, change),
};
