import { describe, expect, it } from 'vitest';
import type { ProviderView } from './api';
import { formValuesOf, requestOf } from './providerSettings';

const email: ProviderView = {
  channel: 'email',
  provider: 'smtp',
  source: 'console',
  fields: { host: 'smtp.example.com', port: 587, username: null, startTls: true, ssl: false, from: 'Brand <a@b.example>', replyTo: null },
  secrets: [{ name: 'password', set: true, changedAt: '2026-12-07T20:00:00Z' }],
  form: [
    { name: 'host', kind: 'host', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'port', kind: 'port', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'username', kind: 'text', required: false, secret: false, choices: [], minLength: 0 },
    { name: 'password', kind: 'secret', required: false, secret: true, choices: [], minLength: 0 },
    { name: 'startTls', kind: 'boolean', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'ssl', kind: 'boolean', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'from', kind: 'address', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'replyTo', kind: 'address', required: false, secret: false, choices: [], minLength: 0 },
  ],
  unreadable: false,
  updatedAt: '2026-12-07T20:00:00Z',
  updatedBy: 'admin',
};

describe('provider settings', () => {
  it('fills the form with the fields in force and never a secret', () => {
    const values = formValuesOf(email);
    expect(values.host).toBe('smtp.example.com');
    expect(values.port).toBe(587);
    expect(values.password).toBeUndefined();
  });

  it('leaves an empty secret out, so that the one in force is kept', () => {
    const request = requestOf(email, { ...formValuesOf(email), password: '', host: '  smtp.example.com ' });
    expect(request).not.toHaveProperty('password');
    expect(request).not.toHaveProperty('username');
    expect(request.host).toBe('smtp.example.com');
    expect(request.startTls).toBe(true);
  });

  it('sends a secret given as typed', () => {
    expect(requestOf(email, { ...formValuesOf(email), password: ' p w ' }).password).toBe(' p w ');
  });
});
