import { api, type Page } from '../shared/api/client';

export type OrderStatus = 'PENDING' | 'COMPLETED' | 'CANCELLED';

export interface OrderSummary {
  orderId: string;
  customerId: number;
  status: OrderStatus;
  currency: string;
  total: number;
  refundedTotal: number;
  coupon?: string;
  placedAt?: string;
  completedAt?: string;
  cancelledAt?: string;
}

export interface OrderLine {
  position: number;
  productId?: string;
  sku?: string;
  name?: string;
  category?: string;
  brand?: string;
  variant?: string;
  price?: number;
  quantity: number;
}

export interface Refund {
  messageId: string;
  amount: number;
  refundedAt: string;
  lines?: unknown;
}

export interface OrderDetail extends OrderSummary {
  subtotal?: number;
  revenue?: number;
  shipping?: number;
  tax?: number;
  discount?: number;
  affiliation?: string;
  checkoutId?: string;
  lines: OrderLine[];
  refunds: Refund[];
}

export interface OrderQuery {
  status?: OrderStatus;
  customerId?: number;
  from?: string;
  to?: string;
}

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

export interface Product {
  productId: string;
  sku?: string;
  name?: string;
  category?: string;
  brand?: string;
  variant?: string;
  price?: number;
  currency?: string;
  stock?: number;
  rating?: number;
  imageUrl?: string;
  url?: string;
  attributes?: Record<string, AttributeValue>;
  source?: string;
  updatedAt?: string;
}

export interface ProductSales {
  orders: number;
  unitsSold: number;
  revenue: number;
}

export interface ProductDetail {
  product: Product;
  sales: ProductSales;
}

export interface Category {
  name: string;
  products: number;
}

/** A product as PUT expects it: the Segment e-commerce names, snake_case included. */
export interface ProductChange {
  sku?: string;
  name?: string;
  category?: string;
  brand?: string;
  variant?: string;
  price?: number;
  currency?: string;
  stock?: number;
  rating?: number;
  image_url?: string;
  url?: string;
  attributes?: Record<string, AttributeValue>;
}

export interface ProductQuery {
  q?: string;
  category?: string;
}

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
