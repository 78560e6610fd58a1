import { describe, expect, it } from 'vitest';
import {
  formatCompactMoney,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPreciseDateTime,
  formatRelative,
  formatShortDay,
} from './format';

describe('formatMoney', () => {
  it('writes yuan with the ¥ sign and two decimals in both languages', () => {
    expect(formatMoney(1234.5, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(1234.5, 'CNY', 'en-US')).toBe('¥1,234.50');
  });

  it('falls back to yuan when the currency is missing or not a currency code', () => {
    expect(formatMoney(8, undefined, 'zh-CN')).toBe('¥8.00');
    expect(formatMoney(8, 'yuan!', 'zh-CN')).toBe('¥8.00');
  });

  it('uses the given currency', () => {
    expect(formatMoney(99.9, 'USD', 'en-US')).toBe('$99.90');
    expect(formatMoney('12.5', 'eur', 'en-US')).toBe('€12.50');
  });

  it('shows a dash for no amount', () => {
    expect(formatMoney(undefined, 'CNY', 'zh-CN')).toBe('—');
    expect(formatMoney(null, 'CNY', 'zh-CN')).toBe('—');
    expect(formatMoney('not a number', 'CNY', 'zh-CN')).toBe('—');
  });

  it('keeps the sign of refunds and corrections', () => {
    expect(formatMoney(-20, 'CNY', 'en-US')).toBe('-¥20.00');
  });
});

describe('formatCompactMoney', () => {
  it('rounds to whole units and shortens amounts from ten thousand on, the local way', () => {
    expect(formatCompactMoney(9876.5, 'CNY', 'en-US')).toBe('¥9,877');
    expect(formatCompactMoney(12345.67, 'CNY', 'en-US')).toBe('¥12.3K');
    expect(formatCompactMoney(50_000, 'CNY', 'zh-CN')).toBe('¥5万');
    expect(formatCompactMoney(1_250_000, 'CNY', 'en-US')).toBe('¥1.3M');
    expect(formatCompactMoney(1_250_000, 'CNY', 'zh-CN')).toBe('¥125万');
  });
});

describe('formatNumber and formatPercent', () => {
  it('groups digits by locale', () => {
    expect(formatNumber(1234567, 'en-US')).toBe('1,234,567');
    expect(formatNumber(undefined, 'en-US')).toBe('—');
  });

  it('gives a share with at most one decimal, and a dash for a share of nothing', () => {
    expect(formatPercent(1, 3, 'en-US')).toBe('33.3%');
    expect(formatPercent(5, 0, 'en-US')).toBe('—');
  });
});

describe('dates and times', () => {
  const instant = '2026-11-22T11:30:05Z';

  it('shows an instant in the given time zone, to the minute', () => {
    expect(formatDateTime(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/22 19:30');
    expect(formatDateTime(instant, 'en-US', 'UTC')).toBe('11/22/2026, 11:30');
  });

  it('shows seconds where order within a minute matters', () => {
    expect(formatPreciseDateTime(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2026/11/22 19:30:05');
  });

  it('keeps a calendar day the same day in every time zone', () => {
    expect(formatDate('2026-11-01', 'zh-CN')).toBe('2026/11/01');
    expect(formatDate('2026-11-01', 'en-GB')).toBe('01/11/2026');
    expect(formatShortDay('2026-11-01', 'en-US')).toBe('11/1');
    expect(formatShortDay('2026-11-01', 'zh-CN')).toBe('11/1');
  });

  it('shows a dash for a missing or broken time', () => {
    expect(formatDateTime(undefined, 'zh-CN')).toBe('—');
    expect(formatDateTime('yesterday-ish', 'zh-CN')).toBe('—');
    expect(formatDate(null, 'zh-CN')).toBe('—');
  });

  it('says how long ago something was', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatRelative('2026-11-19T12:00:00Z', 'en-US', now)).toBe('3 days ago');
    expect(formatRelative('2026-11-22T11:00:00Z', 'zh-CN', now)).toBe('1小时前');
    expect(formatRelative('2026-11-22T11:59:50Z', 'en-US', now)).toBe('this minute');
  });
});
