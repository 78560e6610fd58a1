import { ApiError, type FieldError } from '../../shared/api/client';
import { useApi } from '../../shared/hooks/useApi';
import { useDebouncedValue } from '../../shared/hooks/useDebouncedValue';
import { audienceApi } from '../api';
import type { Definition } from '../condition/model';

const DELAY = 400;
const PREVIEW_SIZE = 10;

/** How many customers a definition matches, and the first of them, asked for once editing pauses. */
export function useLiveAudience(definition: Definition, withPreview: boolean) {
  const current = JSON.stringify(definition);
  const settled = useDebouncedValue(current, DELAY);
  const count = useApi((signal) => audienceApi.count(JSON.parse(settled) as Definition, signal), [settled]);
  const preview = useApi(
    (signal) => (withPreview ? audienceApi.preview(JSON.parse(settled) as Definition, PREVIEW_SIZE, signal) : Promise.resolve(undefined)),
    [settled, withPreview],
  );
  return { count, preview, settled: settled === current && !count.loading };
}

/**
 * The field errors of a 400 answer about a definition, moved to where the condition stands in the request being
 * edited: the count endpoint names "definition.condition…", a lifecycle model "stages[2].condition…".
 */
export function definitionErrors(error: unknown, rootPath: string): FieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400) {
    return [];
  }
  const prefix = 'definition.condition';
  return (error.problem.errors ?? []).map((fieldError) =>
    fieldError.field.startsWith(prefix) ? { ...fieldError, field: rootPath + fieldError.field.slice(prefix.length) } : fieldError,
  );
}
