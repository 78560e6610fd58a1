import type { RespectSettings, RespectSettingsRequest } from './api';

/** The channel choice of a cap that counts every channel's messages. */
export const EVERY_CHANNEL = 'all';
/** A time of day as the server takes it: HH:MM. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface CapRow {
  limit?: number;
  windowHours?: number;
  channel: string;
}

/** What a quiet or capped marketing message on one channel does. */
export interface PolicyRow {
  channel: string;
  whenQuiet: 'wait' | 'skip';
  whenCapped: 'wait' | 'skip';
}

export interface RespectForm {
  enabled: boolean;
  start: string;
  end: string;
  caps: CapRow[];
  policies: PolicyRow[];
}

/** The form's values for saved settings; a cap on every channel shows as its own choice. */
export function formOf(settings: RespectSettings): RespectForm {
  return {
    enabled: settings.quietHours.enabled,
    start: settings.quietHours.start,
    end: settings.quietHours.end,
    caps: settings.caps.map((cap) => ({ limit: cap.limit, windowHours: cap.windowHours, channel: cap.channel ?? EVERY_CHANNEL })),
    policies: (settings.policies ?? []).map((policy) => ({
      channel: policy.channel,
      whenQuiet: policy.whenQuiet === 'skip' ? 'skip' : 'wait',
      whenCapped: policy.whenCapped === 'wait' ? 'wait' : 'skip',
    })),
  };
}

/** What the form asks the server for; the server judges every rule again and names the fields it refuses. */
export function requestOf(form: RespectForm): RespectSettingsRequest {
  return {
    quietHours: { enabled: form.enabled, start: form.start.trim(), end: form.end.trim() },
    caps: form.caps.map((cap) => ({
      limit: cap.limit ?? 0,
      windowHours: cap.windowHours ?? 0,
      channel: cap.channel === EVERY_CHANNEL ? undefined : cap.channel,
    })),
    policies: form.policies.map((policy) => ({ ...policy })),
  };
}
