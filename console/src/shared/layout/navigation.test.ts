import { describe, expect, it } from 'vitest';
import type { Permission } from '../../access/permissions';
import { allowedEntries, selectedKey } from './navigation';

const withPermissions = (...granted: Permission[]) => (permission: Permission) => granted.includes(permission);

describe('allowedEntries', () => {
  it('offers only what the role may open, in menu order', () => {
    const keys = allowedEntries(withPermissions('customers:read', 'commerce:read', 'audit:read')).map((entry) => entry.key);
    expect(keys).toEqual(['customers', 'orders', 'products', 'audit-log']);
  });

  it('offers the audience pages to those who may read audiences', () => {
    const keys = allowedEntries(withPermissions('audience:read')).map((entry) => entry.key);
    expect(keys).toEqual(['segments', 'tags', 'rfm', 'lifecycle']);
  });

  it('offers the messaging pages to those who may read messages', () => {
    const keys = allowedEntries(withPermissions('messages:read')).map((entry) => entry.key);
    expect(keys).toEqual(['outbox', 'messages', 'templates', 'suppressions', 'respect']);
  });

  it('offers the rejected messages to those who may read what ingestion refused', () => {
    const keys = allowedEntries(withPermissions('ingestion:read')).map((entry) => entry.key);
    expect(keys).toEqual(['rejected-messages']);
  });

  it('offers the journeys to those who may read journeys', () => {
    expect(allowedEntries(withPermissions('journeys:read')).map((entry) => entry.key)).toEqual(['journeys']);
  });

  it('offers the webhook endpoints to those who may read webhooks', () => {
    expect(allowedEntries(withPermissions('webhooks:read')).map((entry) => entry.key)).toEqual(['webhooks']);
    expect(selectedKey('/settings/webhooks/3')).toBe('webhooks');
  });

  it('offers nothing to a role without permissions', () => {
    expect(allowedEntries(withPermissions())).toEqual([]);
  });
});

describe('selectedKey', () => {
  it('marks the module a page belongs to', () => {
    expect(selectedKey('/')).toBe('overview');
    expect(selectedKey('/customers')).toBe('customers');
    expect(selectedKey('/customers/42')).toBe('customers');
    expect(selectedKey('/orders/o-1')).toBe('orders');
    expect(selectedKey('/settings/api-tokens')).toBe('api-tokens');
    expect(selectedKey('/settings/rejected-messages')).toBe('rejected-messages');
    expect(selectedKey('/segments/7/edit')).toBe('segments');
    expect(selectedKey('/tags/3')).toBe('tags');
    expect(selectedKey('/messaging/outbox/12')).toBe('outbox');
    expect(selectedKey('/messaging/templates/new')).toBe('templates');
    expect(selectedKey('/journeys/12')).toBe('journeys');
    expect(selectedKey('/nowhere')).toBeUndefined();
  });
});
