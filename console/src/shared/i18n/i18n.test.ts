import { describe, expect, it } from 'vitest';
import { en } from './en';
import { detectLanguage, interpolate, resolveLocale } from './language';
import { zh } from './zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('messages', () => {
  it('exist in both languages, under the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('are never empty', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('name the modules as operators in China do', () => {
    expect(zh['nav.overview']).toBe('概览');
    expect(zh['nav.customers']).toBe('客户');
    expect(zh['nav.orders']).toBe('订单');
    expect(zh['nav.products']).toBe('商品');
    expect(zh['nav.writeKeys']).toBe('写入密钥');
    expect(zh['nav.apiTokens']).toBe('API 令牌');
    expect(zh['nav.operators']).toBe('操作员与角色');
    expect(zh['nav.auditLog']).toBe('审计日志');
  });
});

describe('detectLanguage', () => {
  it('keeps the language chosen before', () => {
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('zh', ['en-US'])).toBe('zh');
  });

  it('otherwise takes the first browser language the console speaks', () => {
    expect(detectLanguage(null, ['zh-TW', 'en'])).toBe('zh');
    expect(detectLanguage(null, ['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(detectLanguage('klingon', ['de-DE'])).toBe('en');
  });
});

describe('resolveLocale', () => {
  it("uses the browser's own locale when it is in the chosen language", () => {
    expect(resolveLocale('en', ['en-GB', 'zh-CN'])).toBe('en-GB');
    expect(resolveLocale('zh', ['en-GB', 'zh-HK'])).toBe('zh-HK');
  });

  it('otherwise uses the usual locale of the language', () => {
    expect(resolveLocale('zh', ['en-US'])).toBe('zh-CN');
    expect(resolveLocale('en', ['zh-CN'])).toBe('en-US');
    expect(resolveLocale('en', ['en'])).toBe('en-US');
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('共 {count} 条', { count: 3 })).toBe('共 3 条');
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
    expect(interpolate('No placeholders')).toBe('No placeholders');
  });
});
