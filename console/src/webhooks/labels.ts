import type { Translate } from '../shared/i18n/I18nProvider';
import { label } from '../shared/labels';
import { DELIVERY_STATUSES, type DeliveryStatus } from './api';

/** The colour of each delivery status's tag: done, on its way, or needing people. */
export const DELIVERY_COLOURS: Record<DeliveryStatus, string> = {
  queued: 'blue',
  sending: 'processing',
  delivered: 'green',
  failed: 'red',
  parked: 'volcano',
};

export const deliveryStatusLabel = (t: Translate, status: string) => label(t, 'deliveryStatus', status, DELIVERY_STATUSES);

/** Whether an operator may send a delivery again: only once it has failed for good or been parked. */
export const redeliverable = (status: DeliveryStatus) => status === 'failed' || status === 'parked';
