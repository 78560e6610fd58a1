import type { JourneyEffect } from '../api';

/** The level below which a difference is called likely real. */
export const SIGNIFICANCE = 0.05;

/** A difference with its 95 % interval, in the unit it is drawn in. */
export interface IntervalRow {
  key: 'absolute' | 'relative' | 'revenue';
  estimate: number;
  low: number;
  high: number;
}

/** A number the server sent, or undefined for NaN, infinities and what is not a number (JSON has no NaN). */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function row(key: IntervalRow['key'], estimate: unknown, low: unknown, high: unknown, scale: number): IntervalRow | undefined {
  const [e, l, h] = [finite(estimate), finite(low), finite(high)];
  return e === undefined || l === undefined || h === undefined ? undefined : { key, estimate: e * scale, low: l * scale, high: h * scale };
}

/**
 * The conversion difference in percentage points and, when the control group converted anyone, relative to its
 * rate in per cent: the rows of the conversion chart.
 */
export function conversionRows({ conversion }: Pick<JourneyEffect, 'conversion'>): IntervalRow[] {
  return [
    row('absolute', conversion.difference, conversion.interval?.low, conversion.interval?.high, 100),
    row('relative', conversion.relativeDifference, conversion.relativeInterval?.low, conversion.relativeInterval?.high, 100),
  ].filter((found): found is IntervalRow => found !== undefined);
}

/** The difference in revenue per customer, when the report has one. */
export function revenueRow(effect: JourneyEffect): IntervalRow | undefined {
  const { revenue } = effect;
  return revenue ? row('revenue', revenue.difference, revenue.interval.low, revenue.interval.high, 1) : undefined;
}

/** What a p-value says in words: a likely real effect only below 0.05. */
export function evidence(p: unknown): 'likely' | 'chance' | undefined {
  const value = finite(p);
  return value === undefined ? undefined : value < SIGNIFICANCE ? 'likely' : 'chance';
}

/** Whether an interval lies wholly above zero, wholly below, or spans it. */
export function direction(row: IntervalRow): 'up' | 'down' | 'unclear' {
  return row.low > 0 ? 'up' : row.high < 0 ? 'down' : 'unclear';
}
