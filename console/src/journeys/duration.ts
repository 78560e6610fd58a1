/** How long a wait lasts, as the canvas asks for it: a whole number of minutes, hours or days. */
export type DurationUnit = 'minutes' | 'hours' | 'days';

export interface Span {
  amount: number;
  unit: DurationUnit;
}

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** The ISO-8601 duration the server reads: PT30M, PT4H, P2D. */
export function toIso({ amount, unit }: Span): string {
  switch (unit) {
    case 'minutes':
      return `PT${amount}M`;
    case 'hours':
      return `PT${amount}H`;
    case 'days':
      return `P${amount}D`;
  }
}

const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

/**
 * An ISO-8601 duration as the largest unit that measures it whole (P1DT12H is 36 hours); undefined when it is not a
 * duration of days, hours, minutes and seconds, or not a whole number of minutes.
 */
export function fromIso(text: string | null | undefined): Span | undefined {
  const match = ISO.exec((text ?? '').trim());
  if (!match || text!.trim().toUpperCase() === 'P' || text!.trim().toUpperCase().endsWith('T')) {
    return undefined;
  }
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  if (seconds % 60 !== 0) {
    return undefined;
  }
  const total = days * MINUTES.days + hours * MINUTES.hours + minutes + seconds / 60;
  for (const unit of ['days', 'hours'] as const) {
    if (total > 0 && total % MINUTES[unit] === 0) {
      return { amount: total / MINUTES[unit], unit };
    }
  }
  return { amount: total, unit: 'minutes' };
}
