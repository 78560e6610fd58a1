import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../shared/i18n/I18nProvider';
import type { ProviderView } from './api';
import { callbackAddress, ProviderSettingsForm } from './ProviderSettingsForm';

const sms: ProviderView = {
  channel: 'sms',
  provider: 'aliyun-sms',
  source: 'console',
  fields: { accessKeyId: 'LTAI-key', endpoint: 'https://dysmsapi.aliyuncs.com', signName: '思语商城', timeout: '10s' },
  secrets: [
    { name: 'accessKeySecret', set: true, changedAt: undefined },
    { name: 'callbackToken', set: false, changedAt: undefined },
  ],
  form: [
    { name: 'accessKeyId', kind: 'text', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'accessKeySecret', kind: 'secret', required: true, secret: true, choices: [], minLength: 0 },
    { name: 'endpoint', kind: 'url', required: true, secret: false, choices: [], minLength: 0 },
    { name: 'signName', kind: 'text', required: false, secret: false, choices: [], minLength: 0 },
    { name: 'callbackToken', kind: 'secret', required: false, secret: true, choices: [], minLength: 16 },
    { name: 'timeout', kind: 'duration', required: false, secret: false, choices: [], minLength: 0, min: '1s', max: '2m' },
  ],
  unreadable: false,
  updatedAt: '2026-12-07T20:00:00Z',
  updatedBy: 'admin',
};

function render(view: ProviderView, writable = true) {
  return renderToStaticMarkup(
    <I18nProvider>
      <ProviderSettingsForm view={view} writable={writable} onSave={() => {}} onCheck={() => {}} onReturn={() => {}} />
    </I18nProvider>,
  );
}

describe('ProviderSettingsForm', () => {
  it('shows the fields in force and a set secret as write-only, never its value', () => {
    const html = render(sms);
    expect(html).toContain('value="LTAI-key"');
    expect(html).toContain('value="https://dysmsapi.aliyuncs.com"');
    expect(html).toMatch(/data-testid="provider-sms-accessKeySecret"[^>]*type="password"|type="password"[^>]*data-testid="provider-sms-accessKeySecret"/);
    expect(html).toContain('Set — leave empty to keep');
    expect(html).not.toMatch(/provider-sms-accessKeySecret"[^>]*value="[^"]/);
  });

  it('offers saving, checking and returning to the environment only to those who may change it', () => {
    const html = render(sms);
    expect(html).toContain('provider-sms-save');
    expect(html).toContain('provider-sms-check');
    expect(html).toContain('provider-sms-return');
    const readOnly = render(sms, false);
    expect(readOnly).not.toContain('provider-sms-save');
    expect(render({ ...sms, source: 'environment' })).not.toContain('provider-sms-return');
  });

  it('shows a duration in force with its bounds, and the fewest characters a token takes', () => {
    const html = render(sms);
    expect(html).toContain('value="10s"');
    expect(html).toContain('from 1s to 2m');
    expect(html).toContain('At least 16 characters');
    expect(html).not.toMatch(/provider-sms-callbackToken"[^>]*value="[^"]/);
  });

  it('names the addresses a provider calls back with a token', () => {
    const html = render(sms);
    expect(html).toContain('/t/sms/&lt;token&gt;/receipts');
    expect(html).toContain('/t/sms/&lt;token&gt;/replies');
    const t = (key: string, values?: Record<string, string | number>) => `${key} ${JSON.stringify(values)}`;
    expect(callbackAddress(t, 'pushToken', 'https://siyu.example.com')).toContain('https://siyu.example.com/t/wechat/<Token>/push');
    expect(callbackAddress(t, 'appSecret', 'https://siyu.example.com')).toBeNull();
  });

  it('says when a secret is not set', () => {
    expect(
      render({
        ...sms,
        secrets: [
          { name: 'accessKeySecret', set: false, changedAt: undefined },
          { name: 'callbackToken', set: true, changedAt: undefined },
        ],
      }),
    ).toContain('Not set');
  });
});
