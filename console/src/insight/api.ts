import { api } from '../shared/api/client';

export interface OverviewTotals {
  customers: number;
  newCustomers: number;
  activeCustomers: number;
  buyers: number;
  repeatBuyers: number;
  events: number;
  eventsInWindow: number;
  orders: number;
  gmv: number;
  refunds: number;
  averageOrderValue: number;
}

export interface OverviewDay {
  date: string;
  newCustomers: number;
  events: number;
  orders: number;
  gmv: number;
}

export interface ChannelCount {
  channel?: string;
  customers: number;
}

export interface TopProduct {
  productId: string;
  name?: string;
  category?: string;
  units: number;
  revenue: number;
}

export interface CategorySales {
  category?: string;
  units: number;
  revenue: number;
}

export interface Overview {
  currency: string;
  timeZone: string;
  from: string;
  to: string;
  totals: OverviewTotals;
  daily: OverviewDay[];
  channels: ChannelCount[];
  topProducts: TopProduct[];
  categories: CategorySales[];
}

export const WINDOWS = [7, 30, 90, 365] as const;
export type Window = (typeof WINDOWS)[number];

export const insightApi = {
  overview: (days: Window, signal?: AbortSignal) => api.get<Overview>('/api/v1/overview', { query: { days }, signal }),
};
