import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import {
  DEFAULT_CURRENCY,
  formatCompactMoney,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPreciseDateTime,
  formatRelative,
  formatShortDay,
  type Amount,
} from '../format';

/** The formatting functions, bound to the console's current locale. */
export function useFormat() {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      locale,
      money: (amount: Amount, currency: string = DEFAULT_CURRENCY) => formatMoney(amount, currency, locale),
      compactMoney: (amount: Amount, currency: string = DEFAULT_CURRENCY) =>
        formatCompactMoney(amount, currency, locale),
      number: (value: Amount) => formatNumber(value, locale),
      decimal: (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value),
      percent: (part: number, whole: number) => formatPercent(part, whole, locale),
      dateTime: (value: string | null | undefined) => formatDateTime(value, locale),
      preciseDateTime: (value: string | null | undefined) => formatPreciseDateTime(value, locale),
      date: (value: string | null | undefined) => formatDate(value, locale),
      shortDay: (value: string) => formatShortDay(value, locale),
      relative: (value: string | null | undefined) => formatRelative(value, locale),
    }),
    [locale],
  );
}

export type Formatter = ReturnType<typeof useFormat>;
