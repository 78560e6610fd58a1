import type { Translate } from '../shared/i18n/I18nProvider';
import { label } from '../shared/labels';
import { PURPOSES, SEND_STATES, type SendRow, type SendState } from './api';

/** The colour of each ledger state's tag: done, on its way, held back on purpose, or needing people. */
export const STATE_COLOURS: Record<SendState, string> = {
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  skipped: 'gold',
  failed: 'red',
  parked: 'volcano',
};

/** Why a message was not sent on purpose, as the server names it (`outcome` of a skipped row). */
export const SKIP_REASONS = ['consent-missing', 'consent-denied', 'suppressed', 'no-address', 'frequency-cap'] as const;

export const sendStateLabel = (t: Translate, state: string) => label(t, 'sendState', state, SEND_STATES);
export const purposeLabel = (t: Translate, purpose: string) => label(t, 'purpose', purpose, PURPOSES);
export const suppressionReasonLabel = (t: Translate, reason: string) =>
  label(t, 'suppressionReason', reason, ['manual', 'hard-bounce', 'complaint']);

/**
 * What became of a message, in words: the reason a message was skipped in the operator's language, the provider's own
 * words for a failure, a retry or a message parked after its last attempt, and nothing for a message on its way or sent.
 */
export function outcomeText(t: Translate, row: Pick<SendRow, 'state' | 'outcome' | 'attempts'>): string | undefined {
  const outcome = row.outcome?.trim();
  if (!outcome) {
    return row.state === 'skipped' || row.state === 'failed' || row.state === 'parked' ? t('outcome.unknown') : undefined;
  }
  if ((SKIP_REASONS as readonly string[]).includes(outcome)) {
    return label(t, 'outcome', outcome, SKIP_REASONS);
  }
  if (row.state === 'queued' && outcome === 'quiet-hours') {
    return t('outcome.quietHours');
  }
  switch (row.state) {
    case 'parked':
      return t('outcome.parked', { detail: outcome });
    case 'failed':
      return t('outcome.failed', { detail: outcome });
    case 'queued':
      return t('outcome.retrying', { attempts: row.attempts, detail: outcome });
    default:
      return outcome;
  }
}
