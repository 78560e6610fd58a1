/** An amount as the server sends it: a JSON number, or absent. */
export type Amount = number | string | null | undefined;

export const DEFAULT_CURRENCY = 'CNY';
const EMPTY = '—';

function toNumber(value: Amount): number | undefined {
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function currencyCode(currency: string | undefined): string {
  return currency && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : DEFAULT_CURRENCY;
}

/** Money with its currency's symbol and two decimals, e.g. ¥1,234.50 for CNY in either language. */
export function formatMoney(amount: Amount, currency: string | undefined, locale: string): string {
  const number = toNumber(amount);
  if (number === undefined) {
    return EMPTY;
  }
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currencyCode(currency),
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(number);
}

/** Money for chart axes, where cents are noise: ¥800, then ¥1.2万 or ¥12K from ten thousand on. */
export function formatCompactMoney(amount: Amount, currency: string | undefined, locale: string): string {
  const number = toNumber(amount);
  if (number === undefined) {
    return EMPTY;
  }
  const compact = Math.abs(number) >= 10_000;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currencyCode(currency),
    currencyDisplay: 'narrowSymbol',
    notation: compact ? 'compact' : 'standard',
    minimumFractionDigits: 0,
    maximumFractionDigits: compact ? 1 : 0,
  }).format(number);
}

export function formatNumber(value: Amount, locale: string): string {
  const number = toNumber(value);
  return number === undefined ? EMPTY : new Intl.NumberFormat(locale).format(number);
}

/** A share of a whole, e.g. 12.5%. */
export function formatPercent(part: number, whole: number, locale: string): string {
  if (!whole) {
    return EMPTY;
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

function toDate(value: string | null | undefined): Date | undefined {
  if (!value) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const TO_THE_MINUTE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

function formatInstant(value: string | null | undefined, locale: string, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  return date ? new Intl.DateTimeFormat(locale, options).format(date) : EMPTY;
}

/** An instant in the browser's time zone, to the minute. */
export function formatDateTime(value: string | null | undefined, locale: string, timeZone?: string): string {
  return formatInstant(value, locale, { ...TO_THE_MINUTE, timeZone });
}

/** An instant to the second, for timelines and audit entries where order within a minute matters. */
export function formatPreciseDateTime(value: string | null | undefined, locale: string, timeZone?: string): string {
  return formatInstant(value, locale, { ...TO_THE_MINUTE, second: '2-digit', timeZone });
}

/** A calendar day: an ISO date (2026-11-22) stays that day in every time zone; an instant shows its local day. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) {
    return EMPTY;
  }
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (isoDay) {
    const [, year, month, day] = isoDay;
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))),
    );
  }
  const date = toDate(value);
  return date
    ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date)
    : EMPTY;
}

/** A short day label for chart axes, e.g. 11/22 or 11月22日. */
export function formatShortDay(value: string, locale: string): string {
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!isoDay) {
    return value;
  }
  const [, year, month, day] = isoDay;
  return new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))),
  );
}

/** How long ago an instant was, in words: "3 days ago", "3天前". */
export function formatRelative(value: string | null | undefined, locale: string, now: number = Date.now()): string {
  const date = toDate(value);
  if (!date) {
    return EMPTY;
  }
  const seconds = Math.round((date.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86_400],
    ['month', 30 * 86_400],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return format.format(0, 'minute');
}
