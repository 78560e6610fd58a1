import type { ProviderSettingsRequest, ProviderView } from './api';

/** The values of a channel's form: its fields in force, and every secret empty (secrets are written, never read). */
export type ProviderFormValues = Record<string, string | number | boolean | undefined>;

export function formValuesOf(view: ProviderView): ProviderFormValues {
  const values: ProviderFormValues = {};
  for (const field of view.form) {
    if (field.secret) {
      values[field.name] = undefined;
    } else {
      const value = view.fields[field.name];
      values[field.name] =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? value
          : field.kind === 'boolean'
            ? false
            : undefined;
    }
  }
  return values;
}

/**
 * The request that saves a channel's form: every field of the form as entered, texts trimmed and an empty optional one
 * left out; a secret left empty is left out, so the server keeps the one in force.
 */
export function requestOf(view: ProviderView, values: ProviderFormValues): ProviderSettingsRequest {
  const request: Record<string, string | number | boolean> = {};
  for (const field of view.form) {
    const value = values[field.name];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value === 'string') {
      const text = field.secret ? value : value.trim();
      if (text === '') {
        continue;
      }
      request[field.name] = text;
    } else {
      request[field.name] = value;
    }
  }
  return request as ProviderSettingsRequest;
}
